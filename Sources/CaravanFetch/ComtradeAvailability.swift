import CaravanImport
import Foundation

/// What the API's data-availability endpoint says of one reporter's dataset for one period: when
/// it was last released. (Each row of the data names its own HS edition.)
public struct ComtradeRelease: Sendable, Hashable {
    public var reporterCode: Int
    /// The API's period code (`2021`, `202103`).
    public var period: String
    /// When the dataset was first released, or last revised.
    public var released: Date?

    public init(reporterCode: Int, period: String, released: Date? = nil) {
        self.reporterCode = reporterCode
        self.period = period
        self.released = released
    }

    /// The releases a `getDA` answer lists; `call` names the call in errors. A period that is not
    /// a year or a month's code is refused, since it goes into the next call's query.
    static func releases(in body: Data, call: String) throws(FetchError) -> [ComtradeRelease] {
        let object: [String: Any]
        do { object = try CheckedJSON.object(body) } catch { throw FetchError(call: call, reason: "the availability answer, \(error)") }
        if let error = object["error"] as? String, !error.isEmpty { throw FetchError(call: call, reason: "the API says: \(error)") }
        guard let rows = object["data"] as? [[String: Any]] else {
            throw FetchError(call: call, reason: "the availability answer has no 'data' array")
        }
        var releases: [ComtradeRelease] = []
        for row in rows {
            guard let reporter = (row["reporterCode"] as? NSNumber)?.intValue, let period = text(row["period"]) else { continue }
            guard isPeriodCode(period) else {
                throw FetchError(
                    call: call, reason: "the availability answer lists the period '\(period.prefix(40))', neither a year (2021) nor a month (202103)")
            }
            releases.append(
                ComtradeRelease(
                    reporterCode: reporter, period: period,
                    released: (row["lastReleased"] as? String).flatMap(date) ?? (row["firstReleased"] as? String).flatMap(date)))
        }
        return releases
    }

    /// `2021` or `202103`: the only forms of a period the API's calls take.
    static func isPeriodCode(_ text: String) -> Bool {
        let digits = text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard digits else { return false }
        if text.utf8.count == 4 { return true }
        return text.utf8.count == 6 && (1...12).contains(Int(text.suffix(2)) ?? 0)
    }

    private static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// The API writes `2023-01-05T00:00:00`, without a zone: UTC.
    static func date(_ text: String) -> Date? {
        let parts = text.prefix(19).split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard parts.count >= 3 else { return nil }
        var components = DateComponents(
            calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: parts[0], month: parts[1], day: parts[2])
        if parts.count == 6 {
            components.hour = parts[3]
            components.minute = parts[4]
            components.second = parts[5]
        }
        return components.date
    }
}
