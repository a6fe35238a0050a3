import CaravanNetwork

// The corridor's and the partnership's requests as asked: the text of each of their kind's fields
// (RequestKind+Corridor.swift, RequestKind+Partnership.swift), for `RequestReader` to read.

extension RouteConstraints {
    /// `avoid-country`, `avoid-node`, `avoid-mode`, each as often as given.
    public struct Asked: Sendable {
        public var countries, nodes, modes: [String]

        public init(countries: [String], nodes: [String], modes: [String]) { (self.countries, self.nodes, self.modes) = (countries, nodes, modes) }
    }
}

extension RouteRequest {
    /// `from`, `to`, `by`, `value-of-time`, `alternatives` and the avoid lists.
    public struct Asked: Sendable {
        public var from, to, by, valueOfTime, alternatives: String?
        public var avoid: RouteConstraints.Asked

        public init(from: String?, to: String?, by: String?, valueOfTime: String?, alternatives: String?, avoid: RouteConstraints.Asked) {
            (self.from, self.to, self.by, self.valueOfTime, self.alternatives, self.avoid) = (from, to, by, valueOfTime, alternatives, avoid)
        }
    }
}

extension CapacityRequest {
    /// `from`, `to`, `year`, `partnership` and the avoid lists.
    public struct Asked: Sendable {
        public var from, to, year, partnership: String?
        public var avoid: RouteConstraints.Asked

        public init(from: String?, to: String?, year: String?, partnership: String?, avoid: RouteConstraints.Asked) {
            (self.from, self.to, self.year, self.partnership, self.avoid) = (from, to, year, partnership, avoid)
        }
    }
}

extension JudgedRequest {
    /// `partnership`, `as-of`.
    public struct Asked: Sendable {
        public var partnership, asOf: String?

        public init(partnership: String?, asOf: String?) { (self.partnership, self.asOf) = (partnership, asOf) }
    }
}

extension ScenarioRequest {
    /// `partnership`, and each `delay`, `cancel` and `add` as often as given.
    public struct Asked: Sendable {
        public var partnership: String?
        public var delay, cancel, add: [String]

        public init(partnership: String?, delay: [String], cancel: [String], add: [String]) {
            (self.partnership, self.delay, self.cancel, self.add) = (partnership, delay, cancel, add)
        }
    }
}

extension ChangesRequest {
    /// `partnership`, `since`.
    public struct Asked: Sendable {
        public var partnership, since: String?

        public init(partnership: String?, since: String?) { (self.partnership, self.since) = (partnership, since) }
    }
}

extension WatchRequest {
    /// `url`, `partnership`.
    public struct Asked: Sendable {
        public var url, partnership: String?

        public init(url: String?, partnership: String?) { (self.url, self.partnership) = (url, partnership) }
    }
}
