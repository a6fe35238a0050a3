import CaravanCore
import CaravanData
import CaravanImport
import Foundation

let tables = ReferenceTables(countriesCSV: BundledData.countriesCSV, baciCountryCodesCSV: BundledData.baciCountryCodesCSV)

/// Everything an import of `path` yields, and its summary.
func readAll(
    _ path: String, format: ImportFormat? = nil, policy: InvalidRowPolicy = .fail
) throws(ImportError)
    -> (figures: [StagedObservation], summary: ImportSummary, sources: [SourceDraft])
{
    let feed = try FileImport(path: path, format: format, tables: tables, policy: policy)
    var figures: [StagedObservation] = []
    while let figure = try feed.next() { figures.append(figure) }
    return (figures, feed.summary, feed.sources)
}

/// The problems an import refuses a file with.
func problems(_ path: String, format: ImportFormat? = nil) -> (problems: [RowProblem], count: Int)? {
    do {
        _ = try readAll(path, format: format)
        return nil
    } catch {
        guard case .invalidRows(_, let problems, let count) = error else { return nil }
        return (problems, count)
    }
}

/// The message an import fails with.
func failure(_ path: String, format: ImportFormat? = nil) -> String? {
    do {
        _ = try readAll(path, format: format)
        return nil
    } catch { return error.description }
}

extension [StagedObservation] {
    func value(_ reporter: String, _ partner: String, _ flow: TradeFlow, commodity: String = "TOTAL") -> Double? {
        first {
            $0.observation.reporter == reporter && $0.observation.partner == partner && $0.observation.flow == flow
                && $0.observation.commodity == commodity
        }?.observation.valueUSD
    }
}
