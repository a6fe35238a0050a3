import CaravanNetwork

extension Network {
    /// The network as it stands at the end of `year`: the file describes the corridor as it is,
    /// with its operational projects built; every other project not cancelled whose completion
    /// year has come adds its effects. Returns the network and the projects applied.
    public func asOf(year: Int, projects: [Project]) -> (network: Network, applied: [String]) {
        var network = self
        var applied: [String] = []
        for project in projects
        where project.status != .cancelled && project.status != .operational && (project.completionYear.map { $0 <= year } ?? false) {
            for effect in project.effects { network.apply(effect) }
            if !project.effects.isEmpty { applied.append(project.id) }
        }
        return (network, applied)
    }

    /// The element's figure changed as the effect says.
    mutating func apply(_ effect: ProjectEffect) {
        func changed(_ old: Double?) -> Double? {
            switch effect.change {
            case .set: effect.amount
            // Adding to an unlimited capacity leaves it unlimited.
            case .add: old.map { $0 + effect.amount } ?? (effect.figure == .capacityMt ? nil : effect.amount)
            }
        }
        if let index = links.firstIndex(where: { $0.id == effect.element }) {
            switch effect.figure {
            case .capacityMt: links[index].capacityMt = changed(links[index].capacityMt)
            case .hours: links[index].hours = changed(links[index].travelHours)
            case .usdPerT: links[index].usdPerT = changed(links[index].usdPerT)
            case .dwellHours: break
            }
        } else if let index = nodes.firstIndex(where: { $0.id == effect.element }) {
            switch effect.figure {
            case .capacityMt: nodes[index].capacityMt = changed(nodes[index].capacityMt)
            case .dwellHours: nodes[index].dwellHours = changed(nodes[index].dwellHours)
            case .usdPerT: nodes[index].handlingUSDPerT = changed(nodes[index].handlingUSDPerT)
            case .hours: break
            }
        } else if let index = corridors.firstIndex(where: { $0.id == effect.element }), effect.figure == .capacityMt {
            corridors[index].capacityMt = changed(corridors[index].capacityMt)
        }
    }
}
