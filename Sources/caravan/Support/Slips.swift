import ArgumentParser
import CaravanCore
import Foundation

/// A mistyped command, answered with the nearest ones: "did you mean 'scorecard'?".
enum Slips {
    /// The command the words name, as far as they name one, and the first word that names none.
    static func command(_ arguments: [String], root: any ParsableCommand.Type) -> (command: any ParsableCommand.Type, unknown: String?) {
        var current = root
        for word in arguments {
            let subcommands = current.configuration.subcommands
            guard !word.hasPrefix("-"), !subcommands.isEmpty else { break }
            guard let next = subcommands.first(where: { $0._commandName == word }) else { return (current, word == "help" ? nil : word) }
            current = next
        }
        return (current, nil)
    }

    /// The refusal of a word that is no command of its group, with the nearest ones.
    static func unknownCommand(_ word: String, in group: any ParsableCommand.Type, root: any ParsableCommand.Type) -> String {
        let names = group.configuration.subcommands.map { $0._commandName }
        return "Error: unknown command '\(word)'" + Suggestions.phrase(Suggestions.nearest(word, among: names))
            + "\nThe commands: \(names.joined(separator: ", ")). See '\(root._commandName) --help'."
    }
}
