/// One entry of a tariff schedule: the duty a reporter levies on an HS code from a partner or
/// under a regime, from a date. An entry at a heading or chapter applies to the subheadings under
/// it that have no entry of their own.
public struct TariffLine: Sendable, Hashable, Codable {
    /// The economy levying the duty, ISO alpha-3.
    public var reporter: String
    /// The partner (ISO alpha-3) or the regime (`EAEU-IRN-FTA`) the preferential rate is for.
    public var regime: String
    /// An HS code of 2, 4 or 6 digits.
    public var code: String
    /// The most-favoured-nation rate, percent ad valorem.
    public var mfnPct: Double
    /// The preferential rate, percent ad valorem; nil where the regime grants none.
    public var preferentialPct: Double?
    public var effectiveFrom: Day

    public init(reporter: String, regime: String, code: String, mfnPct: Double, preferentialPct: Double?, effectiveFrom: Day) {
        self.reporter = reporter
        self.regime = regime
        self.code = code
        self.mfnPct = mfnPct
        self.preferentialPct = preferentialPct
        self.effectiveFrom = effectiveFrom
    }

    /// Whether the regime removes or cuts the duty: a preferential rate of 0, or below MFN.
    public var liberalized: Bool {
        guard let preferentialPct else { return false }
        return preferentialPct == 0 || preferentialPct < mfnPct
    }

    /// MFN less the preferential rate: what the preference saves, in points of ad valorem duty.
    public var marginPct: Double { max(0, mfnPct - (preferentialPct ?? mfnPct)) }

    enum CodingKeys: String, CodingKey {
        case reporter, regime, code
        case mfnPct = "mfn_rate_pct"
        case preferentialPct = "preferential_rate_pct"
        case effectiveFrom = "effective_from"
    }

    /// The date as `YYYY-MM-DD`, as the schedule file gives it.
    public var effectiveDate: String { Period.unit(.day, containing: effectiveFrom, in: .gregorian).description }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reporter, forKey: .reporter)
        try container.encode(regime, forKey: .regime)
        try container.encode(code, forKey: .code)
        try container.encode(mfnPct, forKey: .mfnPct)
        try container.encode(preferentialPct, forKey: .preferentialPct)
        try container.encode(effectiveDate, forKey: .effectiveFrom)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reporter = try container.decode(String.self, forKey: .reporter)
        regime = try container.decode(String.self, forKey: .regime)
        code = try container.decode(String.self, forKey: .code)
        mfnPct = try container.decode(Double.self, forKey: .mfnPct)
        preferentialPct = try container.decodeIfPresent(Double.self, forKey: .preferentialPct)
        effectiveFrom = try Period(parsing: try container.decode(String.self, forKey: .effectiveFrom)).days.lowerBound
    }
}

/// A stored schedule entry with its source and the line of the file it was read from.
public struct RecordedTariffLine: Sendable, Hashable {
    public var tariff: TariffLine
    public var source: SourceRecord
    public var line: Int?

    public init(_ tariff: TariffLine, source: SourceRecord, line: Int?) {
        self.tariff = tariff
        self.source = source
        self.line = line
    }
}
