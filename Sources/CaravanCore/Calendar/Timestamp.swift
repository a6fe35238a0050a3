import Foundation

/// Vintages written as ISO 8601 text in UTC, to the millisecond: the form every interface shows and
/// every store keeps, since it sorts as time does in any database.
public enum Timestamp {
    public static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The moment the text names; nil when it is not ISO 8601.
    public static func date(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
