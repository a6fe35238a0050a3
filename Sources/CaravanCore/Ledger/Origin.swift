import Foundation

/// Who stands behind a piece of evidence and which article carries it: what tells whether two
/// pieces are one origin or two (docs/dossier.md). A publisher, whoever it quotes and whoever it
/// reprints are one origin; so are two outlets carrying one article — the same address or article
/// id, the same title, the same quote.
public struct Origin: Sendable, Hashable {
    /// The names in the chain, as keys: the publisher, its compiler or first publisher, who it reprints.
    public private(set) var names: Set<String> = []
    /// The articles, as keys: a host with its article id, or a host with its path.
    public private(set) var articles: Set<String> = []
    /// Titles of four words or more, as keys, a title written in an address's last part included.
    public private(set) var titles: Set<String> = []
    /// Quotes of eight words or more, as keys: a quote within another is a reprint of it.
    public private(set) var quotes: Set<String> = []

    /// A title or quote this short may be common to unrelated articles.
    static let titleWords = 4
    static let quoteWords = 8

    public init(names: [String?], url: String? = nil, title: String? = nil, quote: String? = nil) {
        self.names = Set(names.compactMap { $0 }.flatMap(Self.nameKeys))
        if let url, let address = Address(url) {
            articles.insert(address.article)
            if let slug = address.slug, Self.words(in: slug) >= Self.titleWords { titles.insert(slug) }
        }
        if let title {
            let key = Publisher.key(title)
            if Self.words(in: key) >= Self.titleWords { titles.insert(key) }
        }
        if let quote {
            let key = Publisher.key(quote)
            if Self.words(in: key) >= Self.quoteWords { quotes.insert(key) }
        }
    }

    /// The origin of a stored source's figures: its provider and compiler, its address and title,
    /// and the figure's quote where a person wrote one (a published figure or flow).
    public init(_ source: SourceRecord, quote: String? = nil) {
        let quoted = source.kind == .figures || source.kind == .freight ? quote : nil
        self.init(names: [source.provider, source.compiler], url: source.url, title: source.title, quote: quoted)
    }

    /// True when the two share a name, an article, a title or a quote: one origin, not two.
    public func isShared(with other: Origin) -> Bool {
        !names.isDisjoint(with: other.names) || !articles.isDisjoint(with: other.articles) || !titles.isDisjoint(with: other.titles)
            || quotes.contains { mine in other.quotes.contains { Self.contains(mine, $0) || Self.contains($0, mine) } }
    }

    /// Both chains as one: evidence sharing anything with either is this origin's.
    public func merging(_ other: Origin) -> Origin {
        var merged = self
        merged.names.formUnion(other.names)
        merged.articles.formUnion(other.articles)
        merged.titles.formUnion(other.titles)
        merged.quotes.formUnion(other.quotes)
        return merged
    }

    /// The keys a name stands for: `Kazakhstan Statistics Committee via Kursiv` is both, `Otagh
    /// Iran Online / Financial Tribune` both outlets, `Iranian customs (IRICA)` also `IRICA`.
    static func nameKeys(_ name: String) -> [String] {
        var keys = [Publisher.key(name)]
        for part in name.components(separatedBy: " via ").flatMap({ $0.components(separatedBy: " / ") }) {
            keys.append(Publisher.key(part))
            if let open = part.firstIndex(of: "("), let close = part[open...].firstIndex(of: ")") {
                keys.append(Publisher.key(String(part[..<open])))
                keys.append(Publisher.key(String(part[part.index(after: open)..<close])))
            }
        }
        return keys.filter { !$0.isEmpty }
    }

    static func words(in key: String) -> Int { key.isEmpty ? 0 : key.split(separator: " ").count }

    /// Whether `key` holds `part` as whole words.
    static func contains(_ key: String, _ part: String) -> Bool {
        key == part || " \(key) ".contains(" \(part) ")
    }
}

/// A web address as an article: its host without `www.`, and its article id (a run of five
/// digits or more) or else its path and query; the last part of its path read as a title.
struct Address {
    let article: String
    let slug: String?

    init?(_ text: String) {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)), var host = components.host?.lowercased(),
            !host.isEmpty
        else { return nil }
        for prefix in ["www.", "m.", "amp."] where host.hasPrefix(prefix) { host.removeFirst(prefix.count) }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/amp") { path.removeLast(4) }
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        // Read decoded, so the hex digits of an encoded letter are never taken for an id.
        let decoded = (path + query).removingPercentEncoding ?? path + query
        let id = decoded.split(whereSeparator: { !("0"..."9").contains($0) }).filter { $0.count >= 5 }.last
        article = id.map { "\(host)#\($0)" } ?? host + path + query
        let last = (path.removingPercentEncoding ?? path).split(separator: "/").last.map(String.init)
        slug = last.flatMap { part in part.contains("-") || part.contains("_") ? Publisher.key(part) : nil }
    }
}
