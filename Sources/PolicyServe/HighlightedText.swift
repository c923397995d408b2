import PolicyText

/// Lines of a decoded source file as HTML, each with its anchor (`#L12`), and every evidence span highlighted at
/// its exact original byte offsets: a highlighted run links to the node (or the edge's source) of the shortest
/// span covering it and names all of them (`data-spans`, indices into the span list).
struct HighlightedText {
    private(set) var lines: [String] = []
    private(set) var html = ""

    init(text: SourceText, spans: [EvidenceSpan], lines range: ClosedRange<Int>) {
        let decoded = spans.map { (decodedOffset(text, $0.start), decodedOffset(text, $0.end)) }
        let bytes = text.utf8
        var order = Array(spans.indices).sorted { decoded[$0].0 < decoded[$1].0 }
        order.removeAll { decoded[$0].0 >= decoded[$0].1 }
        var next = 0
        var active: [Int] = []
        guard range.lowerBound <= text.lineCount else { return }
        for line in range where line <= text.lineCount {
            let r = text.decodedRange(ofLine: line)
            while next < order.count && decoded[order[next]].0 < r.upperBound {
                active.append(order[next])
                next += 1
            }
            active.removeAll { decoded[$0].1 <= r.lowerBound }
            let plain = String(decoding: bytes[r], as: UTF8.self)
            lines.append(plain)
            html += "<div class=\"line\" id=\"L\(line)\"><a class=\"lno\" href=\"#L\(line)\">\(line)</a><span class=\"lt\">"
            // Boundaries of the runs inside this line.
            var cuts: Set<Int> = [r.lowerBound, r.upperBound]
            for s in active {
                if decoded[s].0 > r.lowerBound && decoded[s].0 < r.upperBound { cuts.insert(decoded[s].0) }
                if decoded[s].1 > r.lowerBound && decoded[s].1 < r.upperBound { cuts.insert(decoded[s].1) }
            }
            let points = cuts.sorted()
            for (a, b) in zip(points, points.dropFirst()) where a < b {
                let piece = HTMLText.escape(String(decoding: bytes[a..<b], as: UTF8.self))
                let covering = active.filter { decoded[$0].0 <= a && decoded[$0].1 >= b }
                // The shortest span wins; at equal length a node's span before an edge's (the edge's evidence often
                // repeats its target's).
                func rank(_ i: Int) -> (Int, Int, Int) { (spans[i].end - spans[i].start, spans[i].owner == "node" ? 0 : 1, i) }
                guard let shortest = covering.min(by: { rank($0) < rank($1) })
                else { html += piece; continue }
                let s = spans[shortest]
                let title = covering.prefix(6).map { "\(spans[$0].kind): \(spans[$0].label)" }.joined(separator: "\n")
                html += "<a class=\"ev k-\(HTMLText.escape(s.kind))\" href=\"\(HTMLText.escape(HTMLText.link("/entity", [("id", s.node)])))\""
                    + " data-spans=\"\(covering.map(String.init).joined(separator: " "))\""
                    + " data-start=\"\(text.originalOffset(ofDecoded: a))\" data-end=\"\(text.originalOffset(ofDecoded: b))\""
                    + " title=\"\(HTMLText.escape(title))\"><mark>\(piece)</mark></a>"
            }
            html += "</span></div>\n"
        }
    }
}

/// The decoded offset where original byte `offset` begins (the first decoded byte mapped at or after it).
private func decodedOffset(_ text: SourceText, _ offset: Int) -> Int {
    var lo = 0, hi = text.utf8.count
    while lo < hi {
        let mid = (lo + hi) >> 1
        if text.originalOffset(ofDecoded: mid) < offset { lo = mid + 1 } else { hi = mid }
    }
    return lo
}
