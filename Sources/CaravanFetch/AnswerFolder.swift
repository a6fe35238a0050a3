import Foundation

/// Where a fetch keeps the answer it is importing: a folder of its own in the temporary directory,
/// named with its process id, removed when the fetch ends. A fetch killed outright cannot remove
/// its folder, so the next one removes every folder whose process is gone.
struct AnswerFolder {
    let url: URL
    var answer: URL { url.appendingPathComponent("answer.json") }

    private static let prefix = "caravan-fetch-"

    init(in parent: URL = FileManager.default.temporaryDirectory) throws {
        Self.removeAbandoned(in: parent)
        url = parent.appendingPathComponent("\(Self.prefix)\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Removes the folders of fetches whose process no longer runs.
    static func removeAbandoned(in parent: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap({ Int32($0) }), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(at: parent.appendingPathComponent(name)) }
        }
    }
}
