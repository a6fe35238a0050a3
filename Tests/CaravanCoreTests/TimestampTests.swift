import CaravanCore
import Foundation
import Testing

/// ISO 8601 times as parameters give them: a time that does not exist is refused, not rolled over.
@Suite struct TimestampTests {
    @Test(arguments: [
        "2026-01-01T25:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-01-01T00:00:00+24:00", "2026-01-01T00:00:00", "2026-01-01T00:00:00Zjunk", "2026-1-01T00:00:00Z",
    ])
    func aTimeThatDoesNotExistIsRefused(_ text: String) {
        #expect(Timestamp.date(text) == nil)
    }

    @Test(arguments: [
        ("2024-02-29T23:59:59Z", 1_709_251_199.0), ("2026-01-01T03:30:00+03:30", 1_767_225_600.0), ("2026-01-01T00:00:00.250Z", 1_767_225_600.25),
    ])
    func aTimeThatExistsIsRead(_ text: String, _ seconds: Double) {
        #expect(Timestamp.date(text)?.timeIntervalSince1970 == seconds)
    }

    @Test func whatTheLedgerWritesItReadsBack() {
        let now = Date(timeIntervalSince1970: 1_796_000_000.125)
        #expect(Timestamp.date(Timestamp.text(now)) == now)
    }
}
