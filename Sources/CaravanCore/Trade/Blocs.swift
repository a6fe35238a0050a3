/// Groups of economies a partner may be — the EAEU, ECO, the CIS, the SCO, the Caspian states —
/// with their members by date (`Data/reference/blocs.csv`): a bloc's trade is its members' while
/// they are members.
public struct Blocs: Sendable {
    /// One economy's membership of a bloc, from its first day to its last (nil while it lasts).
    public struct Membership: Sendable, Hashable {
        public let member: String
        public let from: Day
        public let to: Day?

        func covers(_ days: ClosedRange<Day>) -> Bool { from <= days.lowerBound && (to.map { days.upperBound <= $0 } ?? true) }
        func touches(_ days: ClosedRange<Day>) -> Bool { from <= days.upperBound && (to.map { days.lowerBound <= $0 } ?? true) }
    }

    private var names: [String: String] = [:]
    private var memberships: [String: [Membership]] = [:]

    /// No blocs.
    public init() {}

    /// Reads `bloc,name,member,from,to,source` rows with a header line; a row that does not read is left out.
    public init(csv: String) {
        for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, let from = try? Period(parsing: fields[3]).days.lowerBound else { continue }
            let to = fields[4].isEmpty ? nil : try? Period(parsing: fields[4]).days.upperBound
            names[fields[0]] = fields[1]
            memberships[fields[0], default: []].append(Membership(member: fields[2], from: from, to: to))
        }
    }

    /// True when `code` names a bloc.
    public func contains(_ code: String) -> Bool { names[code] != nil }

    /// The bloc's name, or nil for a code that is not one.
    public func name(of code: String) -> String? { names[code] }

    /// Every bloc's code, sorted.
    public var codes: [String] { names.keys.sorted() }

    /// Every economy that was ever a member, sorted.
    public func everyMember(of bloc: String) -> [String] { Array(Set((memberships[bloc] ?? []).map(\.member))).sorted() }

    /// The members throughout `period`, sorted; nil when `bloc` is none, or when an economy joined or
    /// left within the period: its members' figures then add up to no single composition.
    public func members(of bloc: String, over period: Period) -> [String]? {
        guard let all = memberships[bloc] else { return nil }
        let touching = all.filter { $0.touches(period.days) }
        guard touching.allSatisfy({ $0.covers(period.days) }) else { return nil }
        return touching.map(\.member).sorted()
    }
}
