import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The reference data Caravan ships with: code tables and the bundled figures (see Data/README.md).
public enum BundledData {
    /// ISO 3166 alpha-3 codes with names, plus the non-ISO codes statistical agencies use.
    public static var countriesCSV: String { text("reference/countries.csv") }

    /// CEPII BACI's own country codes with their ISO alpha-3 equivalents.
    public static var baciCountryCodesCSV: String { text("reference/baci-country-codes.csv") }

    /// The HS 2022 nomenclature: `section,hscode,description,parent,level` for chapters, headings and subheadings.
    public static var harmonizedSystemCSV: String { text("hs/harmonized-system.csv") }

    /// UNSD's HS 2022 ↔ HS 2017 correlation table (`hs/HS2022_HS2017_Correlations.csv`).
    public static var hsCorrelationCSV: String { text("hs/HS2022_HS2017_Correlations.csv") }

    /// The 21 HS sections (I–XXI) and their names.
    public static var hsSectionsCSV: String { text("hs/sections.csv") }

    /// The named product groups (`group,include,exclude,description`) every query may use.
    public static var productGroupsCSV: String { text("groups/product-groups.csv") }

    /// The phrases of one language the dashboard and the report are written in (`words/en.txt`).
    public static func words(_ language: String) -> String { text("words/\(language).txt") }

    /// A stylesheet of the dashboard and the report (`styles/report.css`), without the file's last
    /// newline: the page holds the rules alone.
    public static func style(_ name: String) -> String {
        let css = text("styles/\(name).css")
        return css.hasSuffix("\n") ? String(css.dropLast()) : css
    }

    /// Natural Earth's countries, simplified, for the map (`basemap/countries.json`).
    public static var basemapJSON: String { text("basemap/countries.json") }

    /// The words an article is read by in one language: units, months, flows, qualifiers (`article/en.txt`).
    public static func articleWords(_ language: String) -> String { text("article/\(language).txt") }

    /// Published trade figures, each with the quote that states it: the article reader's development set.
    public static var officialFiguresCSV: String { text("reference/official-figures.csv") }

    /// The Tehran Times article of 11 December 2025 that the bundled Iran–Kazakhstan dossier codes.
    public static var seedArticle: String { text("reference/seed-article.txt") }

    /// UN Comtrade's reporter codes: `reporter_code,iso3,name,effective,expired,is_group`.
    public static var comtradeReportersCSV: String { text("reference/comtrade-reporters.csv") }

    /// Country names in English, Persian and Russian from CLDR: `iso3,en,fa,ru`.
    /// Blocs and their members by date: `bloc,name,member,from,to,source`.
    public static var blocsCSV: String { text("reference/blocs.csv") }

    public static var countryNamesCSV: String { text("reference/country-names.csv") }

    /// The bundled figures files, ready to import.
    public static var figureFiles: [URL] { files(in: "figures", ending: ".csv") }

    /// The bundled transport networks (network JSON).
    public static var networkFiles: [URL] { files(in: "networks", ending: ".json") }

    /// The bundled freight flows (flows CSV).
    public static var flowFiles: [URL] { files(in: "flows", ending: ".csv") }

    /// The bundled partnership dossiers (YAML).
    public static var dossierFiles: [URL] { files(in: "dossiers", ending: ".yaml") }

    /// Every bundled file's path, size and modification time, in one line: it changes whenever the
    /// data an answer is worded or worked out from does. Read with `stat`: a cold command pays for it.
    public static var stamp: String {
        let root = Bundle.module.resourceURL!.path
        var stamp = ""
        for path in ((try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []).sorted() {
            var status = stat()
            guard stat(root + "/" + path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            stamp += "\(path):\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec);"
        }
        return stamp
    }

    private static func files(in folder: String, ending suffix: String) -> [URL] {
        let folder = Bundle.module.resourceURL!.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { folder.appendingPathComponent($0) }
    }

    private static func text(_ path: String) -> String {
        let url = Bundle.module.resourceURL!.appendingPathComponent(path)
        // The files are part of the build; a missing one is a broken installation, not bad input.
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("missing bundled file \(url.path)") }
        return text
    }
}
