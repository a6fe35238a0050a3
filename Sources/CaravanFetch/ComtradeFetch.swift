import CaravanCore
import CaravanData
import CaravanImport
import CaravanService
import CaravanStore
import Foundation

/// Fetches a pair's official trade from UN Comtrade into a workspace: asks which datasets are
/// released, then calls for those not yet stored at their latest release, importing each answer
/// as it arrives — one answer, one import — so an interrupted fetch resumes where it stopped.
public struct ComtradeFetch: Sendable {
    public let request: ComtradeRequest
    public let access: ComtradeAccess
    public let plan: ComtradePlan

    /// Plans the fetch; refuses an economy Comtrade has no code for.
    public init(
        _ request: ComtradeRequest, access: ComtradeAccess, codes: ComtradeCodes = ComtradeCodes(csv: BundledData.comtradeReportersCSV)
    )
        throws(FetchError)
    {
        self.request = request
        self.access = access
        var found: [Int] = []
        for (role, iso) in [("--reporter", request.reporter), ("--partner", request.partner)] {
            guard let code = codes.code(iso) else {
                throw FetchError(call: role, reason: "UN Comtrade has no economy with the ISO code '\(iso)'")
            }
            found.append(code)
        }
        plan = ComtradePlan(request, codes: (found[0], found[1]), access: access)
    }

    /// What happened along the way, for a progress display.
    public enum Event: Sendable {
        case asking(ComtradeCall)
        case calling(ComtradePlan.Step, number: Int, of: Int)
        case retrying(ComtradeCall, attempt: Int, reason: String, wait: Duration)
        case stored(ComtradeCall, ImportResult)
        case alreadyStored(ComtradePlan.Step)
        case nothingReleased(ComtradeCall)
        case split(ComtradeCall, into: Int)
    }

    /// What a fetch did.
    public struct Outcome: Sendable {
        /// Answers imported, with the store's receipt of each.
        public var imported: [ImportResult] = []
        /// Calls whose datasets were stored at their latest release before, so not made.
        public var alreadyStored = 0
        /// Calls answered with no records: the pair did not trade, or the reporter gave no partner detail.
        public var empty = 0
        /// Data calls made, retries not counted.
        public var calls = 0
        /// Figures stored, over all answers.
        public var figures: Int { imported.reduce(0) { $0 + $1.receipt.batch.observations } }
    }

    /// Fetches into `workspace`; `report` hears of each step. Stops at the first call that fails
    /// for good: what was stored before it stays.
    public func run(into workspace: Workspace, report: @escaping @Sendable (Event) -> Void = { _ in }) async throws -> Outcome {
        let client = ComtradeClient(access: access)
        // The HTTP client is shut down before the fetch returns, whichever way it ends.
        do {
            let outcome = try await run(into: workspace, client: client, report: report)
            await client.shutdown()
            return outcome
        } catch {
            await client.shutdown()
            throw error
        }
    }

    private func run(into workspace: Workspace, client: ComtradeClient, report: @escaping @Sendable (Event) -> Void) async throws -> Outcome {
        let folder = try AnswerFolder()
        defer { folder.remove() }
        let answer = folder.answer

        var releases: [ComtradeRelease] = []
        for call in plan.availabilityCalls {
            report(.asking(call))
            try await fetch(call, to: answer, client: client, report: report)
            releases += try ComtradeRelease.releases(in: try Data(contentsOf: answer), call: call.brief)
        }
        var stored: [String: Date] = [:]
        for batch in try await workspace.batches() { stored[batch.file] = max(stored[batch.file] ?? .distantPast, batch.recordedAt) }

        var outcome = Outcome()
        let steps = plan.steps(releases: releases)
        for (index, step) in steps.enumerated() {
            if let when = stored[step.call.importName], when >= (step.released ?? .distantFuture) {
                outcome.alreadyStored += 1
                report(.alreadyStored(step))
                continue
            }
            report(.calling(step, number: index + 1, of: steps.count))
            try await store(step.call, released: step.released, into: workspace, answer: answer, client: client, outcome: &outcome, report: report)
        }
        return outcome
    }

    /// Calls, imports, and splits a call whose answer came back full.
    private func store(
        _ call: ComtradeCall, released: Date?, into workspace: Workspace, answer: URL, client: ComtradeClient, outcome: inout Outcome,
        report: @escaping @Sendable (Event) -> Void
    ) async throws {
        outcome.calls += 1
        var attempt = 1
        while true {
            // Stored under the call the answer came from: the one made, or where the API redirected it.
            let answered = try await fetch(call, to: answer, client: client, report: report)
            do {
                let result = try await workspace.importFile(
                    answer.path, as: answered.importName, format: .comtrade, recordedAt: released ?? Date(),
                    part: FilePart(
                        selection: "\(answered.importName) released \(released.map { "\($0)" } ?? "unknown")", recordLimit: access.recordLimit)
                )
                outcome.imported.append(result)
                report(.stored(call, result))
                return
            } catch ImportError.empty, ImportError.nothingTaken {
                outcome.empty += 1
                report(.nothingReleased(call))
                return
            } catch ImportError.capped(_, let records) {
                guard let pieces = plan.split(call) else {
                    throw FetchError(
                        call: call.brief,
                        reason: "the answer holds \(NumberText.grouped(Double(records))) records, the most one call gives"
                            + (access.key == nil ? "; a subscription key ($COMTRADE_KEY) lifts the limit from 500 to 100,000" : ""))
                }
                report(.split(call, into: pieces.count))
                for piece in pieces {
                    try await store(piece, released: released, into: workspace, answer: answer, client: client, outcome: &outcome, report: report)
                }
                return
            } catch let error as ImportError where error.endsEarly && attempt < access.attempts {
                // An answer cut off mid-way reads as JSON that stops short: nothing of it was stored, so ask again.
                let reason = Self.words(error, answer: answered)
                let wait = backoff(attempt)
                report(.retrying(call, attempt: attempt, reason: reason, wait: wait))
                try await Task.sleep(for: wait)
                attempt += 1
            } catch let error as ImportError {
                throw FetchError(call: call.brief, reason: Self.words(error, answer: answered))
            }
        }
    }

    /// An import's refusal of an answer, the answer named as such rather than by its long import name.
    private static func words(_ error: ImportError, answer: ComtradeCall) -> String {
        "\(error)".replacingOccurrences(of: answer.importName, with: "the answer")
    }

    /// One call, tried until it passes or the tries run out; the call as the answer came from it.
    private func fetch(
        _ call: ComtradeCall, to file: URL, client: ComtradeClient, report: @Sendable (Event) -> Void
    ) async throws
        -> ComtradeCall
    {
        var attempt = 1
        while true {
            do throws(ComtradeClient.Failure) {
                return try await client.get(call, to: file)
            } catch .lasting(let reason) {
                throw FetchError(call: call.brief, reason: reason)
            } catch .passing(let reason, let asked) {
                guard attempt < access.attempts else {
                    throw FetchError(call: call.brief, reason: "\(reason) (after \(attempt) \(attempt == 1 ? "try" : "tries"))")
                }
                let wait = min(asked ?? backoff(attempt), access.longestWait)
                report(.retrying(call, attempt: attempt, reason: reason, wait: wait))
                try await Task.sleep(for: wait)
                attempt += 1
            }
        }
    }

    private func backoff(_ attempt: Int) -> Duration { min(access.backoff * (1 << min(attempt - 1, 16)), access.longestWait) }
}
