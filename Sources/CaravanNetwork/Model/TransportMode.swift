/// How freight moves along a link.
public enum TransportMode: String, Sendable, Codable, CaseIterable, Hashable {
    case rail, road, sea, ferry

    /// The mode's index in `allCases`, for tables indexed by mode.
    var index: Int {
        switch self {
        case .rail: 0
        case .road: 1
        case .sea: 2
        case .ferry: 3
        }
    }
}
