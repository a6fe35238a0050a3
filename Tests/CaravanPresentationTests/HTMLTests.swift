import CaravanPresentation
import Testing

@Suite("HTML: text escaped on the way in")
struct HTMLTests {
    @Test("a quote followed by a combining mark is escaped: it cannot end an attribute and add one")
    func combiningMark() {
        let hostile = "x\"\u{301} autofocus onfocus=alert(1) '\u{301}<\u{338}"
        let html: HTML = "<input value=\"\(hostile)\">"
        #expect(html.rendered == "<input value=\"x&quot;\u{301} autofocus onfocus=alert(1) &#39;\u{301}&lt;\u{338}\">")
    }

    @Test("the five characters as entities; text without them as it is")
    func five() {
        #expect(HTML.escape("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;")
        #expect(HTML.escape("Иран – ایران\r\n") == "Иран – ایران\r\n")
    }
}
