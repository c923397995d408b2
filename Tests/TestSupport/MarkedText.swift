/// A test input with its expectations written in it, as swift-syntax's `assertParse` does. Two kinds of marks,
/// removed from the text the rule reads:
/// - location markers `1️⃣` … `9️⃣` where a rule must find something;
/// - named spans `⟦name:text⟧` around what a rule must find under that name (a document element, say);
/// - unnamed spans `⟦text⟧` around what a rule must find starting there (a quantity that must be a target).
///
/// ```swift
/// let t = MarkedText("1️⃣江苏省财政厅2️⃣会同3️⃣省商务厅4️⃣印发")
/// t.text          // "江苏省财政厅会同省商务厅印发"
/// t.range("1", "2")   // 0..<6, in scalars
/// let d = MarkedText("⟦发文字号:国发〔2030〕5号⟧\n⟦标题:国务院关于…的通知⟧")
/// d.values("发文字号")   // ["国发〔2030〕5号"]
/// ```
public struct MarkedText: Sendable {
    /// The text without its markers.
    public let text: String
    /// The same text as scalars (what grammars match against).
    public let scalars: [Unicode.Scalar]
    /// The scalar offset in `scalars` of each marker, by its digit ("1" … "9").
    public let markers: [String: Int]
    /// The named spans, in text order.
    public let spans: [(name: String, text: String)]
    /// The scalar offset in `scalars` where each unnamed span begins, in text order.
    public let unnamedSpanStarts: [Int]

    public init(_ marked: String) {
        let input = Array(marked.unicodeScalars)
        var kept: [Unicode.Scalar] = []
        var found: [String: Int] = [:]
        var spans: [(String, String)] = []
        var unnamedStarts: [Int] = []
        var i = 0
        while i < input.count {
            let s = input[i]
            // A keycap digit: the digit, VARIATION SELECTOR-16, COMBINING ENCLOSING KEYCAP.
            if ("1"..."9").contains(s), i + 2 < input.count, input[i + 1] == "\u{FE0F}", input[i + 2] == "\u{20E3}" {
                precondition(found[String(s)] == nil, "marker \(s) appears twice")
                found[String(s)] = kept.count
                i += 3
                continue
            }
            // A span: ⟦name:text⟧, or ⟦text⟧ without a name.
            if s == "⟦", let close = input[i...].firstIndex(of: "⟧") {
                if let colon = input[i..<close].firstIndex(of: ":") {
                    let value = input[(colon + 1)..<close]
                    kept.append(contentsOf: value)
                    spans.append((Self.string(input[(i + 1)..<colon]), Self.string(value)))
                } else {
                    unnamedStarts.append(kept.count)
                    kept.append(contentsOf: input[(i + 1)..<close])
                }
                i = close + 1
                continue
            }
            kept.append(s)
            i += 1
        }
        scalars = kept
        text = Self.string(kept[...])
        markers = found
        self.spans = spans
        unnamedSpanStarts = unnamedStarts
    }

    /// The scalar range from marker `from` to marker `to`.
    public func range(_ from: String, _ to: String) -> Range<Int> {
        guard let start = markers[from], let end = markers[to] else {
            preconditionFailure("no marker \(markers[from] == nil ? from : to) in the text")
        }
        return start..<end
    }

    /// The text between two markers.
    public func text(_ from: String, _ to: String) -> String {
        Self.string(scalars[range(from, to)])
    }

    /// The texts of the spans named `name`, in order.
    public func values(_ name: String) -> [String] { spans.filter { $0.name == name }.map(\.text) }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
