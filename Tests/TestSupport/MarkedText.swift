/// A test input with location markers written in it, as swift-syntax's `assertParse` does: `1️⃣` … `9️⃣` stand
/// where a rule must find something, and are removed from the text the rule reads.
///
/// ```swift
/// let t = MarkedText("1️⃣江苏省财政厅2️⃣会同3️⃣省商务厅4️⃣印发")
/// t.text          // "江苏省财政厅会同省商务厅印发"
/// t.range("1", "2")   // 0..<6, in scalars
/// ```
public struct MarkedText {
    /// The text without its markers.
    public let text: String
    /// The same text as scalars (what grammars match against).
    public let scalars: [Unicode.Scalar]
    /// The scalar offset in `scalars` of each marker, by its digit ("1" … "9").
    public let markers: [String: Int]

    public init(_ marked: String) {
        let input = Array(marked.unicodeScalars)
        var kept: [Unicode.Scalar] = []
        var found: [String: Int] = [:]
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
            kept.append(s)
            i += 1
        }
        scalars = kept
        var view = String.UnicodeScalarView()
        view.append(contentsOf: kept)
        text = String(view)
        markers = found
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
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range(from, to)])
        return String(view)
    }
}
