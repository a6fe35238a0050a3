import CaravanCore
import CaravanStore
import Foundation
import Testing

@Suite("What recording a judgement writes, worked out without a database")
struct JudgementRecordingTests {
    let monday = Date(timeIntervalSince1970: 1_796_601_600)  // 2026-12-07T00:00:00Z
    let trade = Judged(.test, "trade")
    let target = Judged(.target, "trade-2030")

    func judgement(_ statuses: [Judged: String], through: Int64?) -> Judgement {
        Judgement(partnership: "iran-kazakhstan", statuses: statuses, through: through)
    }

    @Test("the first judgement records every status, each a change from nothing")
    func first() throws {
        let recording = try #require(
            JudgementRecording(judgement([trade: "at_risk", target: "off_track"], through: 3), last: nil, recorded: [:], at: monday))
        #expect(recording.through == 3 && recording.at == monday)
        #expect(recording.changes.map(\.subject) == [trade, target])
        #expect(recording.changes.map(\.statusWrite) == [.keep(trade, "at_risk"), .keep(target, "off_track")])
    }

    @Test("a judgement on an older batch than the one recorded is not recorded")
    func older() {
        let last = LastJudgement(through: 5, at: monday)
        #expect(JudgementRecording(judgement([trade: "met"], through: 4), last: last, recorded: [trade: "at_risk"], at: monday) == nil)
        #expect(JudgementRecording(judgement([trade: "met"], through: nil), last: last, recorded: [trade: "at_risk"], at: monday) == nil)
    }

    @Test("nothing changed on a day already judged on the same batch: nothing is recorded; the next day, the judgement is")
    func sameDay() throws {
        let last = LastJudgement(through: 5, at: monday)
        let same = judgement([trade: "met"], through: 5)
        #expect(JudgementRecording(same, last: last, recorded: [trade: "met"], at: monday.addingTimeInterval(3_600)) == nil)
        let tomorrow = try #require(JudgementRecording(same, last: last, recorded: [trade: "met"], at: monday.addingTimeInterval(86_400)))
        #expect(tomorrow.changes.isEmpty)
        let newBatch = try #require(JudgementRecording(judgement([trade: "met"], through: 6), last: last, recorded: [trade: "met"], at: monday))
        #expect(newBatch.changes.isEmpty && newBatch.through == 6)
    }

    @Test("a subject no longer judged is dropped: a change to nothing")
    func dropped() throws {
        let recording = try #require(
            JudgementRecording(
                judgement([trade: "met"], through: 6), last: LastJudgement(through: 5, at: monday), recorded: [trade: "met", target: "on_track"],
                at: monday))
        #expect(recording.changes.map(\.subject) == [target] && recording.changes.map(\.from) == ["on_track"])
        #expect(recording.changes.map(\.statusWrite) == [.drop(target)])
    }

    @Test("the moment is kept to the millisecond, as stored, and each change recorded carries it with its cause")
    func moment() throws {
        let at = monday.addingTimeInterval(0.123_456)
        let recording = try #require(JudgementRecording(judgement([trade: "met"], through: nil), last: nil, recorded: [:], at: at))
        #expect(Timestamp.text(recording.at) == "2026-12-07T00:00:00.123Z")
        let cause = ImportBatch(id: 7, file: "f.csv", format: "figures", contentDigest: "d", recordedAt: monday, observations: 1)
        let change = try #require(recording.changes.first)
        #expect(
            recording.recorded(change, id: 9, cause: cause)
                == RecordedChange(id: 9, partnership: "iran-kazakhstan", subject: trade, from: nil, to: "met", cause: cause, at: recording.at))
    }
}
