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
            dir: root.getAttribute('dir'), lang: root.getAttribute('lang'), persianDigits: 0, asciiAmounts: [], charts: 0, texts: 0};
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
            const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() != '')
              .map(t => ({s: t.textContent, b: t.getBoundingClientRect(), size: parseFloat(w.getComputedStyle(t).fontSize) * scale}));
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
        document.getElementById('page').addEventListener('load', event => {
          const result = document.createElement('pre');
          result.id = 'result';
          try { result.textContent = JSON.stringify(measure(event.target)); } catch (error) { result.textContent = 'error ' + error; }
          document.body.appendChild(result);
        });
        """
}
