extension Network {
    /// The capacity of a link, node or corridor: a link's or node's own (unlimited when not
    /// stated); a corridor's as the maximum flow from its first node to its last over its own
    /// links and nodes only, with the minimum cut as its bottleneck. Nil for an unknown id.
    public func capacity(ofElement id: String) -> CapacityAnalysis? {
        if let link = links.first(where: { $0.id == id }) {
            return CapacityAnalysis(from: link.from, to: link.to, maxMt: link.capacityMt, bottleneck: link.capacityMt == nil ? [] : [id], paths: [])
        }
        if let node = nodes.first(where: { $0.id == id }) {
            return CapacityAnalysis(from: id, to: id, maxMt: node.capacityMt, bottleneck: node.capacityMt == nil ? [] : [id], paths: [])
        }
        guard let corridor = corridors.first(where: { $0.id == id }) else { return nil }
        let members = Set(corridor.elements)
        let chain = links.filter { members.contains($0.id) }
        guard let first = corridor.elements.compactMap({ element in chain.first { $0.id == element } }).first,
            let last = corridor.elements.reversed().compactMap({ element in chain.first { $0.id == element } }).first
        else { return nil }
        let ends = Set(chain.flatMap { [$0.from, $0.to] })
        let sub = Network(
            name: corridor.name,
            // Nodes the corridor does not list still join its links, without their capacities.
            nodes: nodes.filter { ends.contains($0.id) }.map { node in
                var node = node
                if !members.contains(node.id) { node.capacityMt = nil }
                return node
            },
            links: chain)
        var analysis = try? RoutingGraph(sub).capacity(from: first.from, to: last.to)
        if let stated = corridor.capacityMt, analysis?.maxMt.map({ $0 > stated }) ?? true {
            analysis?.maxMt = stated
            analysis?.bottleneck = [id]
        }
        return analysis
    }
}
