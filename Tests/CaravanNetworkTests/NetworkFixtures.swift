import CaravanData
import CaravanImport
import CaravanNetwork
import Foundation

/// Reads a network from JSON text with the project's own reader.
func network(_ json: String) throws -> Network {
    try Data(json.utf8).withUnsafeBytes { try NetworkReader.parse($0, file: "test.json") }
}

/// The problems a network JSON text is refused with: parse errors, else validation problems.
func problems(_ json: String) -> [String] {
    do {
        return try network(json).problems(isCountry: { $0.count == 3 }).map(\.description)
    } catch let ImportError.invalidDocument(_, problems) {
        return problems
    } catch {
        return ["\(error)"]
    }
}

/// The bundled INSTC eastern-branch network.
func bundledNetwork() throws -> Network {
    try NetworkReader.read(path: BundledData.networkFiles[0].path, tables: ReferenceTables.bundledForTests)
}

extension ReferenceTables {
    static let bundledForTests = ReferenceTables(countriesCSV: BundledData.countriesCSV, baciCountryCodesCSV: BundledData.baciCountryCodesCSV)
}

/// A small network: A–B–C by rail with a road shortcut A–C, and a sea leg C–D.
let sample = """
    {"name": "sample",
     "nodes": [
       {"id": "A", "name": "Alpha", "country": "KAZ"},
       {"id": "B", "name": "Beta", "country": "TKM", "dwell_hours": 5, "handling_usd_per_t": 2, "capacity_mt": 4},
       {"id": "C", "name": "Gamma", "country": "IRN", "dwell_hours": 1},
       {"id": "D", "name": "Delta", "country": "IRN"}],
     "links": [
       {"id": "ab", "from": "A", "to": "B", "mode": "rail", "length_km": 400, "speed_kmh": 40, "usd_per_t": 10, "capacity_mt": 10, "bidirectional": true},
       {"id": "bc", "from": "B", "to": "C", "mode": "rail", "hours": 6, "usd_per_t": 8, "capacity_mt": 10},
       {"id": "ac", "from": "A", "to": "C", "mode": "road", "length_km": 900, "speed_kmh": 50, "usd_per_t": 60, "capacity_mt": 2},
       {"id": "cd", "from": "C", "to": "D", "mode": "sea", "hours": 20, "usd_per_t": 15}],
     "transfers": [{"from_mode": "rail", "to_mode": "sea", "hours": 12, "usd_per_t": 6}, {"from_mode": "road", "to_mode": "sea", "hours": 3, "usd_per_t": 1}]}
    """
