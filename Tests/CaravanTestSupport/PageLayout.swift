import Foundation

/// A page as Chromium lays it out at a width: whether anything runs past the screen's edge,
/// whether any two texts in a chart or map overlap (from the SVG's own text boxes), how small
/// chart text gets, and what the page says in which language. The page is put in a frame of that
/// width (`srcdoc`, so its document can be measured), since a headless window is at least 500 px.
public struct PageLayout: Sendable, Decodable {
    /// The frame's width, the page's viewport.
    public let width: Int
    /// How far the page is wider than its viewport, in px (0 when it fits).
    public let overflow: Double
    /// Elements that scroll sideways or lie beyond the viewport's edges.
    public let outside: [String]
    /// Texts whose boxes overlap, or that leave their chart: `network-map: "Bereket" / "Etrek"`.
    public let overlaps: [String]
    /// Chart texts drawn smaller than 11 px: `trade-chart: $1.0bn 9.8px`.
    public let small: [String]
    /// Phrases missing from the language's file, as the page shows them: `⟦status.met⟧`.
    public let missing: [String]
    public let dir: String?
    public let lang: String?
    /// How many Persian digits the page shows.
    public let persianDigits: Int
    /// Amounts for people (`$340M`) written with ASCII digits.
    public let asciiAmounts: [String]
    /// Chart texts a reader looks for that are not written: `trade-chart: the latest value`, `corridor-chart: target 1`,
    /// `gap-waterfall: bar 5 of 5` (from the marks' `data-latest`, `data-target` and the chart's `data-bars`).
    public let unlabelled: [String]
    /// Targets whose level (`data-value`) lies outside their chart's value axis (`data-axis-min`…`data-axis-max`).
    public let outsideAxis: [String]
    /// A value written more than once in one chart: `corridor-chart: "10 Mt" 13 times`.
    public let duplicates: [String]
    /// How many charts are shown at this width, and how many texts they hold.
    public let charts: Int
    public let texts: Int

    /// A page's markup as laid out at `width` px; a screenshot of it is kept under `Browser.artifacts` when `screenshot` is named.
    public static func measure(_ html: String, width: Int, screenshot: String? = nil) async throws -> PageLayout {
        try await Command.detached {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caravan-layout-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let frame = "<iframe id=\"page\" style=\"width:\(width)px;height:6000px;border:0\" srcdoc=\"\(escaped(html))\"></iframe>"
            let measuring = folder.appendingPathComponent("measure.html")
            try "<!DOCTYPE html><html><body style=\"margin:0\">\(frame)<script>\(script)</script></body></html>".write(
                to: measuring, atomically: true, encoding: .utf8)
            let dom = try Browser.run(["--window-size=\(max(width, 500) + 20),3000", "--hide-scrollbars", "--dump-dom", measuring.absoluteString])
                .stdout
            if let screenshot {
                let shown = folder.appendingPathComponent("shown.html")
                let tall = "<iframe style=\"width:\(width)px;height:4000px;border:0\" srcdoc=\"\(escaped(html))\"></iframe>"
                try "<!DOCTYPE html><html><body style=\"margin:0\">\(tall)</body></html>".write(to: shown, atomically: true, encoding: .utf8)
                _ = try Browser.run([
                    "--window-size=\(max(width, 500)),4000", "--hide-scrollbars",
                    "--screenshot=\(Browser.artifacts.appendingPathComponent(screenshot).path)",
                    shown.absoluteString,
                ])
            }
            guard let start = dom.range(of: "<pre id=\"result\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
                throw Unmeasured(reason: "the page was not measured: \(dom.suffix(300))")
            }
            let json = unescaped(String(dom[start.upperBound..<end.lowerBound]))
            do { return try JSONDecoder().decode(PageLayout.self, from: Data(json.utf8)) } catch { throw Unmeasured(reason: json) }
        }
    }

    struct Unmeasured: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{00A0}").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Runs in the measuring page once the frame has loaded; writes its findings as JSON into `<pre id="result">`.
    private static let script = """
        function measure(frame) {
          const d = frame.contentDocument, w = frame.contentWindow, root = d.documentElement, edge = root.clientWidth;
          const out = {width: edge, overflow: Math.max(0, root.scrollWidth - edge), outside: [], overlaps: [], small: [], missing: [],
            dir: root.getAttribute('dir'), lang: root.getAttribute('lang'), persianDigits: 0, asciiAmounts: [], charts: 0, texts: 0,
            unlabelled: [], outsideAxis: [], duplicates: []};
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className == 'string' && el.className ? '.' + el.className : '');
          for (const el of d.querySelectorAll('body *')) {
            if (el.closest('svg')) continue;
            const style = w.getComputedStyle(el);
            if ((style.overflowX == 'auto' || style.overflowX == 'scroll') && el.scrollWidth > el.clientWidth + 1) out.outside.push('scrolls: ' + name(el));
            const box = el.getBoundingClientRect();
            if (box.width > 0 && (box.right > edge + 1 || box.left < -1)) out.outside.push(name(el) + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
          }
          for (const svg of d.querySelectorAll('svg')) {
            const frameBox = svg.getBoundingClientRect();
            if (frameBox.width == 0 || !svg.viewBox.baseVal || svg.viewBox.baseVal.width == 0) continue;
            out.charts++;
            const scale = frameBox.width / svg.viewBox.baseVal.width;
            // A mark's detail is hidden until it is tapped: it has no box, and is not measured.
            const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() != '' && t.getClientRects().length > 0)
              .map(t => ({s: t.textContent, el: t, b: t.getBoundingClientRect(), size: parseFloat(w.getComputedStyle(t).fontSize) * scale}));
            checkLabels(svg, texts, out);
            out.texts += texts.length;
            for (const t of texts) {
              if (t.size < 10.99) out.small.push(svg.id + ': ' + t.s + ' ' + t.size.toFixed(1) + 'px');
              const b = t.b;
              if (b.left < frameBox.left - 0.5 || b.right > frameBox.right + 0.5 || b.top < frameBox.top - 0.5 || b.bottom > frameBox.bottom + 0.5)
                out.overlaps.push(svg.id + ': "' + t.s + '" leaves the chart');
            }
            for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
              const a = texts[i].b, b = texts[j].b;
              if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
                out.overlaps.push(svg.id + ': "' + texts[i].s + '" / "' + texts[j].s + '"');
            }
          }
          const text = d.body.innerText + ' ' + [...d.querySelectorAll('svg text, title')].map(t => t.textContent).join(' ');
          out.missing = [...new Set(text.match(/⟦[^⟧]*⟧/g) || [])];
          out.persianDigits = (d.body.innerText.match(/[۰-۹]/g) || []).length;
          for (const s of d.querySelectorAll('details.amount summary')) if (/[0-9]/.test(s.textContent)) out.asciiAmounts.push(s.textContent);
          return out;
        }
        function checkLabels(svg, texts, out) {
          const shown = selector => texts.some(t => t.el.matches(selector));
          if (svg.querySelector('[data-latest]') && !shown('[data-latest-label]')) out.unlabelled.push(svg.id + ': the latest value');
          const low = parseFloat(svg.getAttribute('data-axis-min')), high = parseFloat(svg.getAttribute('data-axis-max'));
          for (const mark of svg.querySelectorAll('[data-target]')) {
            const index = mark.getAttribute('data-target'), value = parseFloat(mark.getAttribute('data-value'));
            if (!shown('[data-target-label="' + index + '"]')) out.unlabelled.push(svg.id + ': target ' + index);
            if (!(value >= low && value <= high)) out.outsideAxis.push(svg.id + ': target ' + index + ' at ' + value + ' on an axis of ' + low + '–' + high);
          }
          const bars = parseInt(svg.getAttribute('data-bars') || '0');
          for (const bar of bars > 0 ? [0, bars - 1] : [])
            if (!shown('[data-bar="' + bar + '"]')) out.unlabelled.push(svg.id + ': bar ' + (bar + 1) + ' of ' + bars);
          const counts = {};
          for (const t of texts) if (t.el.classList.contains('value') && /[0-9۰-۹]/.test(t.s)) counts[t.s.trim()] = (counts[t.s.trim()] || 0) + 1;
          for (const [text, count] of Object.entries(counts)) if (count > 1) out.duplicates.push(svg.id + ': "' + text + '" ' + count + ' times');
        }
        document.getElementById('page').addEventListener('load', event => {
          const result = document.createElement('pre');
          result.id = 'result';
          try { result.textContent = JSON.stringify(measure(event.target)); } catch (error) { result.textContent = 'error ' + error; }
          document.body.appendChild(result);
        });
        """
}
