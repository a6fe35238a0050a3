import CaravanData
import Crypto
import Foundation

/// The build that answers, in one word: a digest of its executable's size and modification
/// time and of its bundled data's. An answer kept in the store is trusted only by the build that
/// worked it out: another may word it, or work it out, differently.
enum Program {
    static let identity: String = {
        let executable = (try? FileManager.default.attributesOfItem(atPath: Self.executablePath)) ?? [:]
        let stamp = "\(executable[.size] ?? 0):\((executable[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0);" + BundledData.stamp
        return SHA256.hash(data: Data(stamp.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }()

    /// The executable itself, not a link to it.
    private static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
