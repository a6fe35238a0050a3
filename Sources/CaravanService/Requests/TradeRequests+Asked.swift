import CaravanCore

// Each trade request as asked: the text of each of its kind's fields (RequestKind+Trade.swift),
// as the command line's options or a query give it, for `RequestReader` to read.

extension TradeQuery {
    /// A trade query as asked: `reporter`, `partner`, `flow`, `commodity`, `as-of`.
    public struct Asked: Sendable {
        public var reporter, partner, flow, commodity, asOf: String?

        public init(reporter: String?, partner: String?, flow: String?, commodity: String?, asOf: String?) {
            (self.reporter, self.partner, self.flow, self.commodity, self.asOf) = (reporter, partner, flow, commodity, asOf)
        }
    }
}

extension SeriesRequest {
    /// The trade query and `by`.
    public struct Asked: Sendable {
        public var query: TradeQuery.Asked
        public var by: String?

        public init(query: TradeQuery.Asked, by: String?) { (self.query, self.by) = (query, by) }
    }
}

extension ComparisonRequest {
    /// The trade query, `period` and `versus`.
    public struct Asked: Sendable {
        public var query: TradeQuery.Asked
        public var period, versus: String?

        public init(query: TradeQuery.Asked, period: String?, versus: String?) { (self.query, self.period, self.versus) = (query, period, versus) }
    }
}

extension ProductsRequest {
    /// The trade query, `period`, `versus`, `level` and `top`.
    public struct Asked: Sendable {
        public var query: TradeQuery.Asked
        public var period, versus, level, top: String?

        public init(query: TradeQuery.Asked, period: String?, versus: String?, level: String?, top: String?) {
            (self.query, self.period, self.versus, self.level, self.top) = (query, period, versus, level, top)
        }
    }
}

extension MirrorRequest {
    /// `a`, `b`, `period`, `commodity`, `as-of`.
    public struct Asked: Sendable {
        public var a, b, period, commodity, asOf: String?

        public init(a: String?, b: String?, period: String?, commodity: String?, asOf: String?) {
            (self.a, self.b, self.period, self.commodity, self.asOf) = (a, b, period, commodity, asOf)
        }
    }
}

extension GapRequest {
    /// `a`, `b`, `period`, `flow`, `commodity`.
    public struct Asked: Sendable {
        public var a, b, period, flow, commodity: String?

        public init(a: String?, b: String?, period: String?, flow: String?, commodity: String?) {
            (self.a, self.b, self.period, self.flow, self.commodity) = (a, b, period, flow, commodity)
        }
    }
}

extension CoverageRequest {
    /// `reporter`, `partner`, `regime`, `period`, `as-of`.
    public struct Asked: Sendable {
        public var reporter, partner, regime, period, asOf: String?

        public init(reporter: String?, partner: String?, regime: String?, period: String?, asOf: String?) {
            (self.reporter, self.partner, self.regime, self.period, self.asOf) = (reporter, partner, regime, period, asOf)
        }
    }
}
