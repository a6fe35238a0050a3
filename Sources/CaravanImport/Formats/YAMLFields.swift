import CaravanCore
import Foundation
import Yams

/// A YAML node seen with its path in the document (`targets[2].deadline`), collecting problems
/// instead of stopping at the first, so a dossier's every mistake is reported at once.
struct YAMLFields {
    let node: Node
    let path: String
    let problems: ProblemList

    /// Problems found so far, shared by every field of one document.
    final class ProblemList {
        private(set) var items: [String] = []

        func add(_ path: String, _ node: Node?, _ reason: String) {
            items.append("\(path)\(node?.mark.map { " (line \($0.line))" } ?? ""): \(reason)")
        }
    }

    func problem(_ reason: String) { problems.add(path, node, reason) }

    func problem(_ key: String, _ reason: String) { problems.add(child(key), node.mapping?[key] ?? node, reason) }

    private func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The mapping's value under `key`, or nil.
    func field(_ key: String) -> YAMLFields? {
        node.mapping?[key].map { YAMLFields(node: $0, path: child(key), problems: problems) }
    }

    /// The elements of a sequence under `key`; none when it is absent.
    func list(_ key: String) -> [YAMLFields] {
        guard let value = node.mapping?[key] else { return [] }
        guard let sequence = value.sequence else {
            problems.add(child(key), value, "expected a list")
            return []
        }
        return sequence.enumerated().map { YAMLFields(node: $1, path: "\(child(key))[\($0)]", problems: problems) }
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = node.mapping?[key], value.null == nil else {
            if required { problem(key, "missing") }
            return nil
        }
        guard let text = value.scalar?.string else {
            problems.add(child(key), value, "expected text")
            return nil
        }
        if required && text.isEmpty { problem(key, "empty") }
        return text
    }

    func strings(_ key: String) -> [String] {
        list(key).compactMap { item in
            guard let text = item.node.scalar?.string else {
                item.problem("expected text")
                return nil
            }
            return text
        }
    }

    /// One text or a list of them (`via: Kursiv`, `via: [Kursiv, Trend]`); none when absent.
    func textOrList(_ key: String) -> [String] {
        guard let value = node.mapping?[key], value.null == nil else { return [] }
        if value.sequence != nil { return strings(key).filter { !$0.isEmpty } }
        return string(key).map { $0.isEmpty ? [] : [$0] } ?? []
    }

    /// A text in other languages by language code (`titles: {fa: …, ru: …}`); empty when absent.
    func names(_ key: String) -> [String: String] {
        guard let value = node.mapping?[key], value.null == nil else { return [:] }
        guard let mapping = value.mapping else {
            problems.add(child(key), value, "expected a language code for each text, as in {fa: …, ru: …}")
            return [:]
        }
        var names: [String: String] = [:]
        for (language, text) in mapping {
            guard let code = language.scalar?.string, code.count == 2, code.allSatisfy({ $0 >= "a" && $0 <= "z" }) else {
                problems.add(child(key), language, "'\(language.scalar?.string ?? "")' is not a two-letter language code (fa, ru)")
                continue
            }
            guard let name = text.scalar?.string, !name.isEmpty else {
                problems.add("\(child(key)).\(code)", text, "expected text")
                continue
            }
            names[code] = name
        }
        return names
    }

    /// A decimal number (`1_000` allowed, as YAML writes it), within `range` (`Plausible`'s).
    func double(_ key: String, in range: ClosedRange<Double>, positive: Bool = false, required: Bool = false) -> Double? {
        guard let text = string(key, required: required) else { return nil }
        guard let value = DecimalText.value(text.replacingOccurrences(of: "_", with: "")) else {
            problem(key, "'\(text)' is not a number")
            return nil
        }
        if let reason = Plausible.problem(value, range, positive: positive) {
            problem(key, reason)
            return nil
        }
        return value
    }

    /// A whole number within `range`.
    func int(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text) else {
            problem(key, "'\(text)' is not a whole number")
            return nil
        }
        guard range.contains(value) else {
            problem(key, "must lie between \(range.lowerBound) and \(range.upperBound), not \(value)")
            return nil
        }
        return value
    }

    func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            problem(key, "'\(text)' is not true or false")
            return nil
        }
    }

    /// The value under `key` read as one of `Value`'s raw values.
    func choice<Value: RawRepresentable & CaseIterable>(_ key: String, required: Bool = true) -> Value? where Value.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        guard let value = Value(rawValue: text) else {
            problem(key, "'\(text)'; expected \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }
}
