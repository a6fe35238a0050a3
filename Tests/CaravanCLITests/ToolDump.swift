/// The part of ArgumentParser's `--experimental-dump-help` read here (its `ToolInfoV0`).
struct ToolDump: Decodable {
    struct Command: Decodable {
        let commandName: String
        let arguments: [Argument]?
        let subcommands: [Command]?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            let kind: String
            let name: String
        }

        /// `option`, `flag` or `positional`.
        let kind: String
        let names: [Name]?
        let valueName: String?
        let abstract: String?
        let isOptional: Bool
        let isRepeating: Bool

        /// The name it is given by: its long name, or a positional's value name.
        var name: String? { names?.first { $0.kind == "long" }?.name ?? (kind == "positional" ? valueName : nil) }
    }

    let command: Command
}
