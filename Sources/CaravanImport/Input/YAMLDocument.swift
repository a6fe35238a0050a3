import Foundation
import Yams

/// A YAML document composed whole and held to limits before anything reads it: aliases can make
/// a small file stand for an enormous one, and nesting can exhaust the stack. Past a limit the
/// file is refused with the path where it was crossed.
enum YAMLDocument {
    /// Levels of mappings and sequences, as in a JSON document.
    static let maxDepth = JSONReader.maxDepth
    /// References to anchors (`*name`), counted as they are expanded.
    static let maxAliases = 1_000
    /// Nodes once every alias is expanded.
    static let maxNodes = 200_000
    /// Bytes of scalar text once every alias is expanded.
    static let maxTextBytes = 8 << 20

    static func compose(_ text: String, file: String) throws(ImportError) -> Node {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw ImportError.empty(file: file) }
            root = node
        } catch let error as ImportError {
            throw error
        } catch let error as YamlError {
            throw .malformed(file: file, line: error.line, reason: "not valid YAML: \(error.problem)")
        } catch {
            throw .malformed(file: file, line: nil, reason: "not valid YAML")
        }
        var budget = Budget()
        if let problem = budget.visit(root, path: "", depth: 1) { throw .invalidDocument(file: file, problems: [problem]) }
        return root
    }

    /// What the document has expanded to so far.
    private struct Budget {
        var nodes = 0
        var textBytes = 0
        var aliases = 0
        /// Anchored nodes met, by anchor and place: meeting one again is following an alias.
        var anchored: Set<String> = []

        /// Nil when the subtree keeps within every limit, else why not, at its path.
        mutating func visit(_ node: Node, path: String, depth: Int) -> String? {
            let at = path.isEmpty ? "the document" : path
            if depth > YAMLDocument.maxDepth { return "\(at): nested deeper than \(YAMLDocument.maxDepth) levels" }
            if let anchor = node.anchor {
                let place = "\(anchor.rawValue)@\(node.mark?.line ?? 0):\(node.mark?.column ?? 0)"
                if !anchored.insert(place).inserted {
                    aliases += 1
                    if aliases > YAMLDocument.maxAliases { return "\(at): more than \(YAMLDocument.maxAliases) aliases" }
                }
            }
            nodes += 1
            if nodes > YAMLDocument.maxNodes { return "\(at): more than \(YAMLDocument.maxNodes) values once aliases are expanded" }
            switch node {
            case .scalar(let scalar):
                textBytes += scalar.string.utf8.count
                if textBytes > YAMLDocument.maxTextBytes {
                    return "\(at): more than \(YAMLDocument.maxTextBytes >> 20) MB of text once aliases are expanded"
                }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if let problem = visit(key, path: path, depth: depth + 1) { return problem }
                    let name = key.scalar?.string ?? "?"
                    if let problem = visit(value, path: path.isEmpty ? name : "\(path).\(name)", depth: depth + 1) { return problem }
                }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() {
                    if let problem = visit(item, path: "\(path)[\(index)]", depth: depth + 1) { return problem }
                }
            case .alias:
                break
            }
            return nil
        }
    }
}

extension YamlError {
    /// The line the problem is on, when libyaml said.
    fileprivate var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: nil
        }
    }

    /// What is wrong, in libyaml's words but without its internals or the document echoed back.
    fileprivate var problem: String {
        switch self {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            let said = problem.contains("nesting level") ? "nested deeper than \(YAMLDocument.maxDepth) levels" : problem
            return "column \(mark.column): \(said)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the key '\(duplicates.first ?? "")' appears twice in one mapping"
        case .reader(let problem, _, _, _): return problem
        default: return "the document cannot be read"
        }
    }
}
