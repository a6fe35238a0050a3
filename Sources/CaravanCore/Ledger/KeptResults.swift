/// Results kept by question for the length of one piece of work (a scorecard, a gap), so that
/// parts asking the same question of the same figures share one answer. A reference, so every
/// copy of the value holding it shares it; not `Sendable`: it lives and dies inside one task.
public final class KeptResults<Question: Hashable, Result> {
    private var results: [Question: Result] = [:]

    public init() {}

    /// The result kept for `question`, or the one `make` works out, kept.
    public func result(for question: Question, make: () -> Result) -> Result {
        if let kept = results[question] { return kept }
        let made = make()
        results[question] = made
        return made
    }
}
