/// What a figure counts: `TOTAL` (all goods), an HS code of 2, 4 or 6 digits, or a named product
/// group such as `NONOIL` or `AGRI`.
public enum CommodityCode {
    /// All goods.
    public static let total = "TOTAL"

    /// Nil when `code` is a valid commodity, else why it is not.
    public static func problem(with code: String) -> String? {
        if code == total { return nil }
        let bytes = Array(code.utf8)
        if bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            return [2, 4, 6].contains(bytes.count) ? nil : "an HS code has 2, 4 or 6 digits"
        }
        let isToken =
            (2...32).contains(bytes.count) && (65...90).contains(bytes[0])
            && bytes.allSatisfy { (65...90).contains($0) || (48...57).contains($0) || $0 == 95 }
        return isToken ? nil : "expected TOTAL, an HS code of 2, 4 or 6 digits, or a group name such as NONOIL"
    }

    /// True for a six-digit HS subheading code.
    public static func isSubheading(_ code: some StringProtocol) -> Bool {
        code.utf8.count == 6 && code.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
