import CaravanCore
import Foundation

/// A file import read on a thread of its own, a few batches ahead of whoever stores the figures,
/// so that parsing and the database's work overlap on two cores. At most `depth` batches wait,
/// so memory stays flat whatever the file's size.
public final class ReadAheadImport {
    public let format: ImportFormat
    /// The sources the figures handed out so far cite, by index.
    public private(set) var sources: [SourceDraft] = []
    /// What the import read and left out; complete once `next()` has returned nil.
    public private(set) var summary: ImportSummary

    private let channel: BatchChannel
    private var batch: [StagedObservation] = []
    private var index = 0
    private var ended = false

    static let batchSize = 4096
    static let depth = 4

    /// Starts reading `file` on its own thread.
    public init(_ file: FileImport<TradeObservation>) {
        format = file.format
        summary = file.summary
        channel = BatchChannel(depth: Self.depth)
        let reader = Reader(file: file, channel: channel)
        Thread { reader.run() }.start()
    }

    deinit { channel.cancel() }

    /// The next figure, or nil at the end; rethrows the reader's error.
    public func next() throws(ImportError) -> StagedObservation? {
        while index == batch.count {
            if ended { return nil }
            switch channel.take() {
            case .rows(let rows, let sources):
                batch = rows
                index = 0
                if let sources { self.sources = sources }
            case .end(let summary):
                self.summary = summary
                ended = true
            case .failed(let error):
                ended = true
                throw error
            }
        }
        index += 1
        return batch[index - 1]
    }
}

/// What the reader thread hands over.
private enum Batch: Sendable {
    case rows([StagedObservation], sources: [SourceDraft]?)
    case end(ImportSummary)
    case failed(ImportError)
}

/// The reader thread's side: owns the file import from the moment it starts.
private final class Reader: @unchecked Sendable {
    private let file: FileImport<TradeObservation>
    private let channel: BatchChannel

    init(file: FileImport<TradeObservation>, channel: BatchChannel) {
        self.file = file
        self.channel = channel
    }

    func run() {
        var rows: [StagedObservation] = []
        rows.reserveCapacity(ReadAheadImport.batchSize)
        var sourceCount = 0
        do {
            while let row = try file.next() {
                rows.append(row)
                if rows.count == ReadAheadImport.batchSize {
                    guard hand(&rows, &sourceCount) else { return }
                }
            }
            guard hand(&rows, &sourceCount) else { return }
            _ = channel.put(.end(file.summary))
        } catch {
            _ = channel.put(.failed(error))
        }
    }

    /// Hands a batch over, with the sources when new ones appeared; false when the import was abandoned.
    private func hand(_ rows: inout [StagedObservation], _ sourceCount: inout Int) -> Bool {
        let sources = file.sources
        let changed = sources.count != sourceCount
        sourceCount = sources.count
        defer { rows.removeAll(keepingCapacity: true) }
        return channel.put(.rows(rows, sources: changed ? sources : nil))
    }
}

/// A bounded queue between the reader thread and the store.
private final class BatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var cancelled = false
    private let depth: Int

    init(depth: Int) { self.depth = depth }

    /// Waits for room and enqueues; false when the consumer has gone.
    func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= depth && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    /// Waits for a batch and dequeues it.
    func take() -> Batch {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        condition.broadcast()
        return queue.removeFirst()
    }

    /// Stops the reader: the consumer will take no more.
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
