/// What a published figure is: a count of what happened, a bound on it, or an intention. Only
/// outturns answer a series; the others stay beside it, visible and never summed.
public enum FigureStatus: String, Sendable, Codable, CaseIterable {
    case outturn
    /// "over $500M", "at least 1.5 Mt": the outturn is this or more.
    case lowerBound = "lower-bound"
    /// "under", "up to": the outturn is this or less.
    case upperBound = "upper-bound"
    /// A target or planned volume set before the period.
    case plan
    /// An expectation for a period not yet over.
    case forecast

    /// The words a figure's status is shown with.
    public var words: String {
        switch self {
        case .outturn: "outturn"
        case .lowerBound: "lower bound"
        case .upperBound: "upper bound"
        case .plan: "plan"
        case .forecast: "forecast"
        }
    }
}
