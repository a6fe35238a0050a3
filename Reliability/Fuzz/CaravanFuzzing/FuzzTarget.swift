/// A parser under fuzzing: the file name its inputs are given (which sets what `caravan import`
/// detects and names in its messages) and where its seeds are.
public struct FuzzTarget: Sendable, Hashable {
    public let name: String
    /// The name inputs are imported as; empty for the period syntax, which reads text, not files.
    public let fileName: String

    /// The network last: on a shared PostgreSQL database the networks it stores would be the ones
    /// later flows and dossiers are checked against.
    public static let all: [FuzzTarget] = [
        .init(name: "comtrade-json", fileName: "comtrade.json"), .init(name: "comtrade-csv", fileName: "comtrade.csv"),
        .init(name: "comtrade-tsv", fileName: "comtrade.tsv"), .init(name: "comtrade-gzip", fileName: "comtrade.tsv.gz"),
        .init(name: "legacy", fileName: "legacy.csv"), .init(name: "baci", fileName: "BACI_HS92_Y2022_V202501.csv"),
        .init(name: "figures", fileName: "figures.csv"), .init(name: "flows", fileName: "flows.csv"),
        .init(name: "dossier", fileName: "dossier.yaml"), .init(name: "tariffs", fileName: "tariffs.csv"),
        .init(name: "groups", fileName: "groups.csv"), .init(name: "period", fileName: ""), .init(name: "network", fileName: "network.json"),
    ]

    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}
