import Foundation

/// How the best estimate of a flow was chosen from the two sides' reports (docs/ledger.md).
public enum MirrorRule: String, Sendable, Codable {
    /// The importer's figure, brought from CIF to FOB by the conventional 6% margin: imports are
    /// recorded for duty and so better covered than exports.
    case importerCIFToFOB = "importer-cif-to-fob"
    /// The importer's figure as it stands: it was already valued FOB.
    case importerFOB = "importer-fob"
    /// Only the exporter reported: its FOB figure stands.
    case exporterFOB = "exporter-fob"

    /// CIF over FOB assumed where a figure must be brought from one to the other (IMF DOTS convention).
    public static let cifFOBFactor = 1.06
}

/// One flow as each side reported it, for one period (`caravan trade mirror`).
public struct MirrorFlow: Sendable, Codable {
    public var exporter: String
    public var importer: String
    public var period: Period
    /// What the exporter declared as exports to the importer.
    public var exporterReport: PeriodValue?
    /// What the importer declared as imports from the exporter.
    public var importerReport: PeriodValue?
    /// Importer's figure minus exporter's.
    public var gapUSD: Double?
    /// Importer's figure over exporter's: above 1 by the cost of freight and insurance when both are right.
    public var cifFOBRatio: Double?
    public var bestEstimateUSD: Double
    public var rule: MirrorRule

    enum CodingKeys: String, CodingKey {
        case exporter, importer, period, rule
        case exporterReport = "exporter_report"
        case importerReport = "importer_report"
        case gapUSD = "gap_usd"
        case cifFOBRatio = "cif_fob_ratio"
        case bestEstimateUSD = "best_estimate_usd"
    }
}

/// Both directions of a pair's trade, each as both sides reported it.
public struct MirrorComparison: Sendable, Codable {
    /// What is compared: `TOTAL`, an HS code or a named group.
    public var commodity: String
    public var flows: [MirrorFlow]
    /// What the store holds for the pair, when neither side reports a flow.
    public var holdings: PairHoldings?

    /// Compares the two sides' reports for `period`, or for every year either side reported.
    /// Reconciled sources (BACI) are left out: they are neither side's report.
    public init(
        _ a: String, _ b: String, commodity: String = CommodityCode.total, period: Period? = nil, asOf: Date? = nil,
        from observations: [RecordedObservation]
    ) {
        self.commodity = commodity
        let reports = observations.filter { !$0.source.kind.isReconciled }
        var flows: [MirrorFlow] = []
        for (exporter, importer) in [(a, b), (b, a)] {
            let exports = Ledger.facts(
                for: TradeQuery(reporter: exporter, partner: importer, flow: .export, commodity: commodity, asOf: asOf), from: reports)
            let imports = Ledger.facts(
                for: TradeQuery(reporter: importer, partner: exporter, flow: .import, commodity: commodity, asOf: asOf), from: reports)
            for period in period.map({ [$0] }) ?? Self.years(exports + imports) {
                let flow = MirrorFlow(
                    exporter: exporter, importer: importer, period: period,
                    exporterReport: PeriodValue(period, facts: exports), importerReport: PeriodValue(period, facts: imports))
                if let flow { flows.append(flow) }
            }
        }
        self.flows = flows
    }

    /// The Gregorian years the figures touch.
    private static func years(_ facts: [Fact]) -> [Period] {
        let years = facts.reduce(into: Set<Int>()) { years, fact in
            let first = Period.unit(.year, containing: fact.period.days.lowerBound, in: .gregorian).first
            let last = Period.unit(.year, containing: fact.period.days.upperBound, in: .gregorian).first
            years.formUnion(first...last)
        }
        return years.sorted().map { Period.year($0) }
    }
}

extension MirrorFlow {
    init?(exporter: String, importer: String, period: Period, exporterReport: PeriodValue?, importerReport: PeriodValue?) {
        let exported = exporterReport?.partial == false ? exporterReport : nil
        let imported = importerReport?.partial == false ? importerReport : nil
        self.exporter = exporter
        self.importer = importer
        self.period = period
        self.exporterReport = exporterReport
        self.importerReport = importerReport
        if let exported, let imported {
            gapUSD = imported.valueUSD - exported.valueUSD
            cifFOBRatio = exported.valueUSD == 0 ? nil : imported.valueUSD / exported.valueUSD
        }
        if let imported {
            let isFOB = imported.sources.allSatisfy { $0.valuation == .fob }
            rule = isFOB ? .importerFOB : .importerCIFToFOB
            bestEstimateUSD = isFOB ? imported.valueUSD : imported.valueUSD / MirrorRule.cifFOBFactor
        } else if let exported {
            rule = .exporterFOB
            bestEstimateUSD = exported.valueUSD
        } else {
            return nil
        }
    }
}
