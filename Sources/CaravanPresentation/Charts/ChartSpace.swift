import CaravanCore

/// The two sizes every chart is drawn in: wide for a screen, narrow for a phone, so that chart
/// text stays at least 11 px at 390 px (a narrow chart is drawn 340 units wide, shown ~358 px).
enum ChartSize: Sendable, CaseIterable {
    case wide, narrow

    var width: Double { self == .wide ? 720 : 340 }
    var font: Double { 12 }
    /// Appended to a chart's id in its narrow drawing, so ids stay unique.
    var suffix: String { self == .wide ? "" : "-phone" }

    /// A chart drawn in both sizes, the page's style showing the one that fits, and a link saving the wide one as `download`.svg.
    static func both(download name: String, words: Words, _ draw: (ChartSize) -> HTML) -> HTML {
        let wide = draw(.wide)
        return "<div class=\"wide-only\">\(wide)</div><div class=\"narrow-only\">\(draw(.narrow))</div>"
            + Chart.download(wide, name: name, words: words)
    }
}

/// Where a chart's text may go: every label claims its box first, and one that would overlap
/// another or leave the chart is moved to its next place or left out (its figure stays in the
/// mark's title and in the table). Text width is estimated generously from its length.
struct LabelSpace {
    struct Box {
        var minX: Double, minY: Double, maxX: Double, maxY: Double

        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    enum Anchor: String { case start, middle, end }

    let width: Double
    let height: Double
    private(set) var taken: [Box] = []
    /// The boxes of text alone: no text is ever drawn over another.
    private(set) var texts: [Box] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// How wide `text` is drawn at `size`, erring wide.
    static func textWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.64 + 4 }

    /// The box of text whose baseline starts, centres or ends at (x, y).
    static func box(_ text: String, x: Double, y: Double, anchor: Anchor, size: Double) -> Box {
        let width = textWidth(text, size: size)
        let minX = anchor == .start ? x : anchor == .end ? x - width : x - width / 2
        return Box(minX: minX, minY: y - size * 1.05, maxX: minX + width, maxY: y + size * 0.35)
    }

    /// Marks a box as used, whatever is there (an axis, a mark).
    mutating func reserve(_ box: Box) { taken.append(box) }

    /// Claims the first of the places where the text fits, and returns it. A required text (the
    /// latest value, a target) that fits nowhere clear lies first where it covers one mark, else the fewest; never over text.
    mutating func claim(
        _ text: String, size: Double, at places: [(x: Double, y: Double, anchor: Anchor)], required: Bool = false
    ) -> (
        x: Double, y: Double, anchor: Anchor
    )? {
        let open = places.map { ($0, Self.box(text, x: $0.x, y: $0.y, anchor: $0.anchor, size: size)) }.filter { _, box in
            box.minX >= 0 && box.maxX <= width && box.minY >= 0 && box.maxY <= height && !texts.contains(where: box.overlaps)
        }
        let marks = taken
        func covered(_ box: Box) -> Int { marks.filter(box.overlaps).count }
        // Near its mark over one other mark reads better than far off over none, where it seems another's.
        let chosen =
            open.first { covered($0.1) == 0 } ?? (required ? open.first { covered($0.1) <= 1 } ?? open.min { covered($0.1) < covered($1.1) } : nil)
        guard let (place, box) = chosen else { return nil }
        taken.append(box)
        texts.append(box)
        return place
    }

    /// The text drawn at the first place it fits, or nothing; `data` is added to its element as it is (`data-latest-label`).
    mutating func text(
        _ text: String, size: Double, at places: [(x: Double, y: Double, anchor: Anchor)], className: String = "label", fill: String? = nil,
        required: Bool = false, data: HTML = ""
    ) -> HTML {
        guard let place = claim(text, size: size, at: places, required: required) else { return "" }
        let color: HTML = fill.map { " fill=\"\($0)\"" } ?? ""
        return """
            <text x="\(Chart.coordinate(place.x))" y="\(Chart.coordinate(place.y))" class="\(className)" font-size="\(Int(size))" \
            text-anchor="\(place.anchor.rawValue)"\(color)\(data)>\(text)</text>
            """
    }
}

/// What the charts share: round ticks and short coordinates.
enum Chart {
    /// A coordinate with one decimal, enough for a screen.
    static func coordinate(_ value: Double) -> String { NumberText.fixed(value, decimals: 1) }

    /// Round steps from zero to the first at or above `top`: 0, 500, 1,000 … about `count` of them.
    static func ticks(upTo top: Double, count: Int) -> [Double] {
        // A top too small or too large for a round step (1e-320, 1e308) is drawn on a 0–1 scale rather than trap.
        let top = top >= 1e-12 && top <= 1e300 ? top : 1
        let step = niceCeiling(top / Double(max(count, 1)))
        let steps = min(Int((top / step - 1e-9).rounded(.up)), count + 1)
        return (0...max(steps, 1)).map { Double($0) * step }
    }

    /// The round number (1, 2, 2.5 or 5 times a power of ten) at or just above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= value * (1 - 1e-12) { return step * power }
        return 10 * power
    }
}
