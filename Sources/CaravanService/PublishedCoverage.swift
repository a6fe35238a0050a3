import CaravanCore
import CaravanData

/// One figure of what a trade agreement covers — tariff lines or items, a share of goods or of
/// trade — as an official or the press published it (`Data/reference/official-figures.csv`, flows
/// `lines` and `share` with a bloc on one side): quoted, never computed from a schedule.
public struct PublishedCoverage: Sendable, Hashable, Encodable {
    /// The reference table's id (`f125`).
    public var id: String
    /// The two sides as the table records them: the side whose concessions or statistics the figure is first.
    public var reporter: String
    public var partner: String
    /// `lines` (tariff lines or items) or `share` (percent).
    public var measure: String
    /// In the period syntax, or as the table gives it (`2025-05..`: from then on).
    public var period: String
    public var value: Double
    /// What the value counts, its bounds and whose concessions: `goods (EAEU concessions, interim agreement)`.
    public var unit: String
    public var source: String
    public var url: String
    public var quote: String

    public init(
        id: String, reporter: String, partner: String, measure: String, period: String, value: Double, unit: String, source: String, url: String,
        quote: String
    ) {
        (self.id, self.reporter, self.partner, self.measure, self.period) = (id, reporter, partner, measure, period)
        (self.value, self.unit, self.source, self.url, self.quote) = (value, unit, source, url, quote)
    }
}

/// What an agreement between two economies is published to cover, when no schedule is stored to
/// compute it from: every figure found, disagreeing ones all kept.
public struct PublishedCoverageAnswer: Sendable, Encodable {
    public var reporter: String
    public var partner: String
    public var figures: [PublishedCoverage]
}

extension Workspace {
    /// The published coverage of agreements between `reporter` or a bloc it belongs to and
    /// `partner` or a bloc it belongs to, in the table's order; empty when none is bundled.
    public func publishedCoverage(reporter: String, partner: String) -> PublishedCoverageAnswer {
        let blocs = tables.blocs
        func sides(_ economy: String) -> Set<String> { Set(blocs.codes.filter { blocs.everyMember(of: $0).contains(economy) } + [economy]) }
        let (own, other) = (sides(reporter), sides(partner))
        let lines = BundledData.officialFiguresCSV.split(whereSeparator: \.isNewline).dropFirst()
        let figures = lines.compactMap { line -> PublishedCoverage? in
            // id,reporter,partner,flow,period,period_as_published,value,unit,source_name,url,quote,published,notes
            let fields = CSVLine.fields(String(line))
            guard fields.count >= 11, ["lines", "share"].contains(fields[3]), let value = Double(fields[6]) else { return nil }
            let pair = (fields[1], fields[2])
            // A bloc on one side: the agreement's own coverage, not a share of one economy's trade.
            guard blocs.contains(pair.0) || blocs.contains(pair.1),
                (own.contains(pair.0) && other.contains(pair.1)) || (other.contains(pair.0) && own.contains(pair.1))
            else { return nil }
            return PublishedCoverage(
                id: fields[0], reporter: pair.0, partner: pair.1, measure: fields[3], period: fields[4], value: value, unit: fields[7],
                source: fields[8], url: fields[9], quote: fields[10])
        }
        return PublishedCoverageAnswer(reporter: reporter, partner: partner, figures: figures)
    }
}
