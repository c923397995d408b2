/// A test input written with its expectations inside it, in the manner of swift-syntax's `assertParse`: each span a
/// rule must find is written `⟦name:text⟧`; the markers are removed from the text the rule reads.
///
///     let fixture = MarkedText("⟦发文字号:国发〔2030〕5号⟧\n⟦标题:国务院关于…的通知⟧\n…")
///     fixture.text                  // the text without markers
///     fixture.expected["发文字号"]   // ["国发〔2030〕5号"]
public struct MarkedText: Sendable {
    /// The text without markers.
    public let text: String
    /// The marked spans by name, in text order.
    public let spans: [(name: String, text: String)]

    public init(_ marked: String) {
        var out = String.UnicodeScalarView()
        var spans: [(String, String)] = []
        var scalars = marked.unicodeScalars[...]
        while let c = scalars.popFirst() {
            guard c == "⟦" else { out.append(c); continue }
            var name = String.UnicodeScalarView()
            while let n = scalars.popFirst(), n != ":" { name.append(n) }
            var value = String.UnicodeScalarView()
            while let v = scalars.popFirst(), v != "⟧" { value.append(v) }
            out.append(contentsOf: value)
            spans.append((String(name), String(value)))
        }
        text = String(out)
        self.spans = spans
    }

    /// The marked texts of one name, in order.
    public func values(_ name: String) -> [String] { spans.filter { $0.name == name }.map(\.text) }
}
