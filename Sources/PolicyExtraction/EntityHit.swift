import PolicyCore

/// An entity mention located in a `ScalarSpan` (scalar indices), as the document, issuer, target and relation
/// extractors consume it. Built from `EntityMention`s or, in tests, by hand.
struct EntityHit: Sendable, Hashable {
    /// Scalar range inside the span.
    var range: Range<Int>
    var kind: NodeKind
    var nodeID: String
    var canonical: String
    var surface: String
}

/// Separators allowed between the names of a list of bodies: "科技部 住房城乡建设部", "中共中央、国务院", "X和Y".
@inline(__always)
func isListSeparator(_ s: Unicode.Scalar) -> Bool {
    s.isInlineSpace || s == "、" || s == "，" || s == "," || s == "和" || s == "与" || s == "及" || s == "\n"
}

extension Array where Element == EntityHit {
    /// Hits of `kind` forming a list that ends exactly at scalar `end` (spaces before `end` allowed), in text order.
    func chain(of kind: NodeKind, endingAt end: Int, in span: ScalarSpan) -> [EntityHit] {
        var out: [EntityHit] = []
        var position = end
        while position > 0, span.scalars[position - 1].isInlineSpace { position -= 1 }
        while let hit = last(where: { $0.kind == kind && $0.range.upperBound == position }) {
            out.append(hit)
            var p = hit.range.lowerBound
            var separators = 0
            while p > 0, isListSeparator(span.scalars[p - 1]), separators < 3 { p -= 1; separators += 1 }
            // "和/与/及" are separators only between two names, never the whole gap before a name.
            position = p
            if !contains(where: { $0.kind == kind && $0.range.upperBound == position }) { break }
        }
        return out.reversed()
    }

    /// Hits of `kind` forming a list that starts at scalar `start` (spaces allowed), in text order.
    func chain(of kind: NodeKind, startingAt start: Int, in span: ScalarSpan) -> [EntityHit] {
        var out: [EntityHit] = []
        var position = start
        while position < span.count, span.scalars[position].isInlineSpace { position += 1 }
        while let hit = first(where: { $0.kind == kind && $0.range.lowerBound == position }) {
            out.append(hit)
            var p = hit.range.upperBound
            var separators = 0
            while p < span.count, isListSeparator(span.scalars[p]), separators < 3 { p += 1; separators += 1 }
            position = p
        }
        return out
    }
}
