import CaravanData
import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The build that answers, in one word: a digest of its executable's size and modification
/// time and of its bundled data's. An answer kept in the store is trusted only by the build that
/// worked it out: another may word it, or work it out, differently.
enum Program {
    static let identity: String = {
        var executable = stat()
        // `stat` follows the link to the executable itself; one that cannot be looked at is known by its data alone.
        let own = stat("/proc/self/exe", &executable) == 0 ? "\(executable.st_size):\(executable.st_mtim.tv_sec).\(executable.st_mtim.tv_nsec);" : ""
        let digits = Array("0123456789abcdef")
        return String(SHA256.hash(data: Data((own + BundledData.stamp).utf8)).prefix(12).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }()
}
