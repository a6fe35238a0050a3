import CaravanCore

/// A period as stored, written out once per run of rows.
package struct PeriodColumns {
    package let period: Period
    package let label: String

    package init(_ period: Period) {
        self.period = period
        label = period.description
    }
}
