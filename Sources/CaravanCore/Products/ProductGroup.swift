import Foundation

/// A named set of products — `NONOIL`, `AGRI`, or one of the user's — defined by HS codes or
/// ranges of codes it includes and excludes, at any level.
public struct ProductGroup: Sendable, Hashable {
    public let name: String
    public let summary: String
    let include: [CodeRange]
    let exclude: [CodeRange]

    /// A run of codes of one length, `01-24` or `2709`.
    struct CodeRange: Sendable, Hashable {
        let low: String
        let high: String

        /// Whether every product under `code` falls in the range.
        func covers(_ code: String) -> Bool {
            guard code.count >= low.count else { return false }
            let head = String(code.prefix(low.count))
            return head >= low && head <= high
        }

        /// Whether some product under `code` falls in the range.
        func touches(_ code: String) -> Bool {
            if covers(code) { return true }
            guard code.count < low.count else { return false }
            return String(low.prefix(code.count)) <= code && code <= String(high.prefix(code.count))
        }
    }

    /// Reads `01-24 27 8703` (codes of one length each, ranges with a hyphen); throws why not.
    public init(name: String, include: String, exclude: String, summary: String) throws(ProductGroupError) {
        guard CommodityCode.problem(with: name) == nil, !name.allSatisfy(\.isNumber), name != CommodityCode.total else {
            throw .invalid("'\(name)' is not a group name: capital letters, digits and '_', starting with a letter")
        }
        self.name = name
        self.summary = summary
        self.include = try Self.ranges(include)
        self.exclude = try Self.ranges(exclude)
        if self.include.isEmpty { throw .invalid("group \(name) includes nothing") }
    }

    private static func ranges(_ text: String) throws(ProductGroupError) -> [CodeRange] {
        try text.split(separator: " ").map { (part) throws(ProductGroupError) -> CodeRange in
            let ends = part.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard (1...2).contains(ends.count), ends.allSatisfy({ [2, 4, 6].contains($0.count) && $0.allSatisfy(\.isNumber) }),
                ends.first!.count == ends.last!.count, ends.first! <= ends.last!
            else { throw .invalid("'\(part)' is not an HS code or a range of codes of one length (01-24)") }
            return CodeRange(low: ends.first!, high: ends.last!)
        }
    }

    /// Whether every product under `code` is in the group: such rows can be summed into it.
    public func contains(_ code: String) -> Bool {
        include.contains { $0.covers(code) } && !exclude.contains { $0.touches(code) }
    }
}

public enum ProductGroupError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let reason): reason
        }
    }
}

/// The groups a workspace knows, by name.
public struct ProductGroups: Sendable {
    public private(set) var groups: [String: ProductGroup] = [:]

    public init(_ groups: [ProductGroup] = []) {
        for group in groups { self.groups[group.name] = group }
    }

    /// Reads `group,include,exclude,description` rows; a bad row throws, naming its line.
    public init(csv: String) throws(ProductGroupError) {
        for (index, line) in csv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().dropFirst() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { throw .invalid("line \(index + 1): expected group,include,exclude,description") }
            do {
                let group = try ProductGroup(name: fields[0], include: fields[1], exclude: fields[2], summary: fields[3].trimmingQuotes)
                groups[group.name] = group
            } catch {
                throw .invalid("line \(index + 1): \(error)")
            }
        }
    }

    public subscript(name: String) -> ProductGroup? { groups[name] }

    /// These groups with `other`'s added, `other`'s winning a name both define.
    public func merging(_ other: ProductGroups) -> ProductGroups {
        var merged = self
        for (name, group) in other.groups { merged.groups[name] = group }
        return merged
    }
}
