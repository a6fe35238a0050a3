import Foundation

/// The calls a request comes to, within the API's limits: at most 12 periods a call, both sides'
/// reports, and only the datasets the API lists as released. No I/O: the fetch makes the calls.
public struct ComtradePlan: Sendable {
    public let request: ComtradeRequest
    /// Comtrade's numeric codes for the reporter and partner (France 251, the USA 842: not M49's).
    public let codes: (reporter: Int, partner: Int)
    let root: String
    let recordLimit: Int

    /// The API takes at most 12 periods in one call.
    static let periodsPerCall = 12

    public init(_ request: ComtradeRequest, codes: (reporter: Int, partner: Int), access: ComtradeAccess) {
        self.request = request
        self.codes = codes
        root = access.root
        recordLimit = access.recordLimit
    }

    /// A data call to make, with the release it fetches.
    public struct Step: Sendable, Hashable {
        public var call: ComtradeCall
        /// The reporting side and its partner, as ISO codes (`KAZ → IRN`).
        public var side: String
        /// The latest release among the call's datasets; nil when the API did not say.
        public var released: Date?
    }

    /// Each reporter's availability call: which periods are released, in which edition, and when.
    public var availabilityCalls: [ComtradeCall] {
        [codes.reporter, codes.partner].flatMap { reporter -> [ComtradeCall] in
            let path = "\(root)/getDA/C/\(request.frequency.rawValue)/HS"
            guard let periods = request.periodCodes else { return [ComtradeCall(path: path, parameters: [("reporterCode", "\(reporter)")])] }
            return chunks(periods).map {
                ComtradeCall(path: path, parameters: [("reporterCode", "\(reporter)"), ("period", $0.joined(separator: ","))])
            }
        }
    }

    /// The data calls for the periods released, both sides; with `releases` nil (a dry run), for
    /// every period asked.
    public func steps(releases: [ComtradeRelease]?) -> [Step] {
        let sides = [
            (codes.reporter, codes.partner, "\(request.reporter) → \(request.partner)"),
            (codes.partner, codes.reporter, "\(request.partner) → \(request.reporter)"),
        ]
        return sides.flatMap { reporter, partner, side -> [Step] in
            let asked = request.periodCodes.map(Set.init)
            let released = releases.map { $0.filter { $0.reporterCode == reporter && asked?.contains($0.period) != false } }
            let periods = released.map { Set($0.map(\.period)).sorted() } ?? request.periodCodes ?? []
            return chunks(periods).map { block in
                let blockReleases = released?.filter { block.contains($0.period) } ?? []
                return Step(
                    call: dataCall(reporter: reporter, partner: partner, periods: block), side: side,
                    released: blockReleases.compactMap(\.released).max())
            }
        }
    }

    /// The same call in smaller pieces, when its answer came back full: one period each, then one
    /// flow each; nil when it cannot be split further.
    public func split(_ call: ComtradeCall) -> [ComtradeCall]? {
        for name in ["period", "flowCode"] {
            let values = call.value(name)?.split(separator: ",").map(String.init) ?? []
            if values.count > 1 { return values.map { call.with(name, $0) } }
        }
        return nil
    }

    private func dataCall(reporter: Int, partner: Int, periods: [String]) -> ComtradeCall {
        let endpoint = root == "/public/v1" ? "preview" : "get"
        return ComtradeCall(
            path: "\(root)/\(endpoint)/C/\(request.frequency.rawValue)/HS",
            parameters: [
                ("reporterCode", "\(reporter)"), ("partnerCode", "\(partner)"), ("period", periods.joined(separator: ",")),
                ("flowCode", request.flows.joined(separator: ",")), ("cmdCode", request.level.commodityCode), ("partner2Code", "0"),
                ("customsCode", "C00"), ("motCode", "0"), ("maxRecords", "\(recordLimit)"), ("includeDesc", "true"),
            ])
    }

    /// Periods in calls of at most 12, one block per decade (annual) or year (monthly), so that a
    /// new release changes one block's call and leaves the others as fetched.
    private func chunks(_ periods: [String]) -> [[String]] {
        let blockDigits = request.frequency == .annual ? 3 : 4
        let blocks = Dictionary(grouping: periods.sorted()) { $0.prefix(blockDigits) }
        return blocks.keys.sorted().flatMap { key -> [[String]] in
            let block = blocks[key]!
            return stride(from: 0, to: block.count, by: Self.periodsPerCall).map { Array(block[$0..<min($0 + Self.periodsPerCall, block.count)]) }
        }
    }
}
