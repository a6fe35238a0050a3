extension Network {
    /// An element's name for people, in English and the languages the network gives: a node's or a
    /// corridor's own, a link's from its two ends (`Uzen–Bolashak`); nil for an id it lacks.
    public func elementName(_ id: String) -> (english: String, names: [String: String])? {
        if let node = nodes.first(where: { $0.id == id }) { return (node.name, node.names ?? [:]) }
        if let corridor = corridors.first(where: { $0.id == id }) { return (corridor.name, corridor.names ?? [:]) }
        guard let link = links.first(where: { $0.id == id }),
            let from = nodes.first(where: { $0.id == link.from }), let to = nodes.first(where: { $0.id == link.to })
        else { return nil }
        let languages = Set((from.names ?? [:]).keys).intersection((to.names ?? [:]).keys)
        return (from.name + "–" + to.name, Dictionary(uniqueKeysWithValues: languages.map { ($0, from.names![$0]! + "–" + to.names![$0]!) }))
    }
}
