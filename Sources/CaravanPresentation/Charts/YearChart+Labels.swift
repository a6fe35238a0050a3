/// A year chart's texts by its marks, in the order a reader looks for them: the latest value, every
/// target, the extremes, then the rest, the most recent first; a text already written is not written again.
extension YearChart {
    /// The latest value and every target's label: claimed before the axes' texts, which give way to them; the targets
    /// first, as a target's label has only its line to lie along and the latest value has room all round its mark.
    func requiredLabels(_ plot: Plot, _ placed: [Placed], _ space: inout LabelSpace, _ printed: inout Set<String>) -> [HTML] {
        let targets = referenceLabels(plot, &space)
        let latest = placed.first(where: \.latest).map { valueLabel($0, plot, &space, &printed, required: true) } ?? ""
        return targets + [latest]
    }

    /// The other values, by rank, where they fit.
    func otherLabels(_ plot: Plot, _ placed: [Placed], _ space: inout LabelSpace, _ printed: inout Set<String>) -> [HTML] {
        ranked(placed).map { valueLabel(placed[$0], plot, &space, &printed, required: false) }
    }

    /// A point's value above, below or beside its mark; nothing when the same text is written already.
    private func valueLabel(_ item: Placed, _ plot: Plot, _ space: inout LabelSpace, _ printed: inout Set<String>, required: Bool) -> HTML {
        let (font, text) = (plot.size.font, format(item.point.value))
        guard !printed.contains(text) else { return "" }
        let (px, py) = (item.x, item.y)
        var places: [(x: Double, y: Double, anchor: LabelSpace.Anchor)] = [
            (px, py - 10, .middle), (px, py + font + 8, .middle), (px + 9, py + font * 0.35, .start), (px - 9, py + font * 0.35, .end),
            (px - 6, py - 10, .end), (px + 6, py - 10, .start),
        ]
        if required {
            // Every row above, beside and below the mark, centred, to its left and to its right.
            for row in [py - 10, py + font + 8, py - font - 13, py + font * 2 + 12] {
                places += [(px, row, .middle), (px - 9, row, .end), (px + 9, row, .start)]
            }
        }
        let data: HTML = item.latest ? " data-latest-label=\"true\"" : ""
        let label = space.text(text, size: font, at: places, className: "value", required: required, data: data)
        if !label.isEmpty { printed.insert(text) }
        return label
    }

    /// Every target's label, by its line's end or its start, above or below it.
    func referenceLabels(_ plot: Plot, _ space: inout LabelSpace) -> [HTML] {
        let font = plot.size.font
        return references.enumerated().map { index, reference -> HTML in
            let (level, end) = (plot.y(reference.value), plot.end(of: reference))
            let (above, below, middle) = (level - 5, level + font + 4, (plot.left + end) / 2)
            return space.text(
                plot.size == .narrow ? reference.shortLabel ?? reference.label : reference.label, size: font,
                at: [
                    (end - 4, above, .end), (end - 4, below, .end), (plot.left + 4, above, .start), (plot.left + 4, below, .start),
                    (middle, above, .middle), (middle, below, .middle),
                    // A label wider than the plot may reach over the value axis' side, clear of its numbers.
                    (plot.size.width - 2, above, .end), (plot.size.width - 2, below, .end), (2, above, .start), (2, below, .start),
                ],
                fill: reference.color, required: true, data: " data-target-label=\"\(index)\"")
        }
    }

    /// The points other than the latest in the order their values are written: each series' extremes (or, for a
    /// series labelled where it changes, the end of each level), then the rest; the most recent first within each.
    func ranked(_ placed: [Placed]) -> [Int] {
        var ranks: [(index: Int, rank: Int)] = []
        for (number, entry) in series.enumerated() {
            let own = placed.indices.filter { placed[$0].series == number }.sorted { placed[$0].point.year < placed[$1].point.year }
            let values = own.map { placed[$0].point.value }
            for (position, index) in own.enumerated() where !placed[index].latest {
                let value = placed[index].point.value
                switch entry.labelling {
                case .changes:
                    if position == own.count - 1 || values[position + 1] != value { ranks.append((index, 2)) }
                case .each:
                    if value == values.max() || value == values.min() {
                        ranks.append((index, 2))
                    } else if entry.style != .bars || entry.points.count <= 12 {
                        ranks.append((index, 3))
                    }
                }
            }
        }
        return ranks.sorted { ($0.rank, -placed[$0.index].point.year) < ($1.rank, -placed[$1.index].point.year) }.map(\.index)
    }

    /// A mark titled with its figure and source; hovered, focused or tapped, it shows them on a card, with a link to its table row.
    func mark(_ point: Point, _ shape: HTML, _ plot: Plot, latest: Bool) -> HTML {
        let detail = Chart.detail(
            point.note, row: point.row, words: words, at: (plot.left + 2, plot.upper - 6), width: plot.edge - plot.left - 4, font: plot.size.font)
        let data: HTML = latest ? " data-latest=\"true\"" : ""
        return "<g class=\"mark\" tabindex=\"0\"\(data)><title>\(point.note)</title>\(shape)\(detail)</g>"
    }
}
