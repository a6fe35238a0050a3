import CaravanCore
import Foundation

/// What a user asks of UN Comtrade: one pair's goods trade, both sides' reports, over periods in
/// either calendar, at a product level.
public struct ComtradeRequest: Sendable, Hashable {
    /// Annual or monthly figures.
    public enum Frequency: String, Sendable, CaseIterable {
        case annual = "A"
        case monthly = "M"
    }

    /// How far products are broken down: the total, or every chapter, heading or subheading.
    public enum Level: String, Sendable, CaseIterable {
        case total = "TOTAL"
        case chapters = "2"
        case headings = "4"
        case subheadings = "6"

        /// The API's `cmdCode`.
        var commodityCode: String { self == .total ? "TOTAL" : "AG\(rawValue)" }
    }

    /// ISO 3166 alpha-3 codes; both sides' reports are asked for.
    public var reporter: String
    public var partner: String
    /// The periods asked, in either calendar; nil to take whatever the API lists as released.
    public var periods: Period?
    public var frequency: Frequency
    public var level: Level
    /// Comtrade flow codes (`M`, `X`, `RM`, `RX`).
    public var flows: [String]

    public init(
        reporter: String, partner: String, periods: Period?, frequency: Frequency = .annual, level: Level = .total,
        flows: [String] = ["M", "X"]
    ) {
        self.reporter = reporter
        self.partner = partner
        self.periods = periods
        self.frequency = frequency
        self.level = level
        self.flows = flows
    }

    /// The API's period codes (`2021`, `202103`) the asked periods touch: an Iranian year
    /// (SH1400, 21 March 2021 to 20 March 2022) asks for both Gregorian years or all 13 months.
    public var periodCodes: [String]? {
        guard let periods else { return nil }
        let grain: Period.Grain = frequency == .annual ? .year : .month
        let first = Period.unit(grain, containing: periods.days.lowerBound, in: .gregorian).first
        let last = Period.unit(grain, containing: periods.days.upperBound, in: .gregorian).first
        return (first...last).map { ordinal in
            frequency == .annual ? String(ordinal) : String(format: "%04d%02d", ordinal / 12, ordinal % 12 + 1)
        }
    }
}

/// Where and how the API is reached.
public struct ComtradeAccess: Sendable {
    /// UN Comtrade's own address.
    public static let defaultURL = "https://comtradeapi.un.org"
    /// The API's base address: UN Comtrade's, a mirror's or a test server's.
    public var baseURL: String
    /// A subscription key for the data endpoints; without one the public preview endpoints are used.
    public var key: String?
    /// Calls started a second at most: UN Comtrade throttles to one a second.
    public var callsPerSecond: Double
    /// How long one call may take, and how long a silence within it may last.
    public var timeout: Duration
    /// Tries per call before giving up, on 429, 5xx, a broken connection or a cut-off answer.
    public var attempts: Int
    /// The first wait before a retry, doubled each time unless the API says how long (`Retry-After`).
    public var backoff: Duration
    /// The longest wait between tries, whatever the API asks.
    public var longestWait: Duration

    public init(
        baseURL: String = defaultURL, key: String? = nil, callsPerSecond: Double = 1, timeout: Duration = .seconds(120),
        attempts: Int = 5, backoff: Duration = .seconds(2), longestWait: Duration = .seconds(300)
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.key = key
        self.callsPerSecond = callsPerSecond
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        self.longestWait = longestWait
    }

    /// The public preview endpoints answer without a key but hand out at most 500 records; the data endpoints up to 100,000.
    var recordLimit: Int { key == nil ? 500 : 100_000 }
    var root: String { key == nil ? "/public/v1" : "/data/v1" }
}
