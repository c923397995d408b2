import PolicyCore

/// A relation stated in one sentence, between two node ids (scalar range of the statement inside the span).
struct StatedRelation: Sendable, Hashable {
    var kind: EdgeKind
    var source: String
    var target: String
    var range: Range<Int>
}

/// Relations stated in a sentence:
/// - leads: "（X牵头，Y按职责分工负责）", "由X牵头" → X leads the measure's programme (else the document);
/// - cooperates: "X会同Y", "X联合Y", "X与Y共同" → X cooperates with Y;
/// - supervises: "X加强对Y的监督指导", "X负责监督Y", "X指导Y" → X supervises Y.
enum RelationExtractor {
    static let lead = scalars("牵头")
    static let cooperationWords: [[Unicode.Scalar]] = ["会同", "联合", "协同", "配合"].map(scalars)
    /// Adverbs between the actor and a cooperation word ("X积极配合Y").
    static let cooperationAdverbs: [[Unicode.Scalar]] = ["将", "要", "已", "积极", "主动", "负责", "应"].map(scalars)
    static let supervisionWords: [[Unicode.Scalar]] = ["监督指导", "指导监督", "监督管理", "监管", "监督", "指导", "督促", "督导"].map(scalars)
    /// Words after a list of bodies that make it act together: "X与Y共同…", "X和Y联合…".
    static let jointWords: [[Unicode.Scalar]] = ["共同", "联合"].map(scalars)
    /// Every word that can state a lead or a cooperation: one scan tells whether the sentence needs those rules.
    static let leadOrCooperationCues = ScalarWordList([lead] + cooperationWords + jointWords)
    /// Every word of the lists above: the relation words of the sentence prefilter (`SentenceCueWords`).
    static var cueWords: [[Unicode.Scalar]] { [lead] + cooperationWords + jointWords + supervisionWords }
    /// Words between a supervising body and 对/监督: "X负责监督", "X依法对Y…".
    static let supervisionLeadIns: [[Unicode.Scalar]] = ["负责", "加强", "要", "依法", "切实"].map(scalars)
    /// Words between the supervised object and the supervision word: "对Y的监督", "对Y进行监督".
    static let supervisionLinks: [[Unicode.Scalar]] = ["的", "进行", "实施"].map(scalars)

    /// `fallbackTarget`: the node a lead annotation applies to when no programme is named in the sentence (the document).
    static func relations(in span: ScalarSpan, hits: [EntityHit], fallbackTarget: String?) -> [StatedRelation] {
        // Every rule needs a body that leads, cooperates or supervises.
        guard hits.contains(where: { $0.kind == .agency }) else { return [] }
        var out: [StatedRelation] = []
        if leadOrCooperationCues.occurs(in: span) { leadsAndCooperation(span, hits: hits, fallbackTarget: fallbackTarget, into: &out) }
        supervision(span, hits: hits, into: &out)
        return out
    }

    /// leads and cooperates relations (appended to `out` in rule order).
    static func leadsAndCooperation(_ span: ScalarSpan, hits: [EntityHit], fallbackTarget: String?, into out: inout [StatedRelation]) {
        let s = span.scalars
        let programmes = hits.filter { $0.kind == .programme }
        // leads
        var from = 0
        while let i = span.find(lead, from: from) {
            from = i + lead.count
            var end = i
            while end > 0, s[end - 1].isInlineSpace { end -= 1 }
            let leaders = hits.chain(of: .agency, endingAt: end, in: span)
            guard let first = leaders.first else { continue }
            // The measure: a programme named in the sentence outside the annotation, else the document.
            let target = programmes.first(where: { $0.range.upperBound <= first.range.lowerBound })?.nodeID
                ?? programmes.first(where: { $0.range.lowerBound >= from })?.nodeID ?? fallbackTarget
            guard let target else { continue }
            for leader in leaders where leader.nodeID != target {
                out.append(StatedRelation(kind: .leads, source: leader.nodeID, target: target, range: first.range.lowerBound..<from))
            }
        }
        // cooperates
        for word in cooperationWords {
            var from = 0
            while let i = span.find(word, from: from) {
                from = i + word.count
                var end = i
                for adverb in cooperationAdverbs where end >= adverb.count && span.matches(adverb, at: end - adverb.count) {
                    end -= adverb.count
                    break
                }
                let left = hits.chain(of: .agency, endingAt: end, in: span)
                let right = hits.chain(of: .agency, startingAt: from, in: span)
                guard let actor = left.last, !right.isEmpty else { continue }
                for other in right where other.nodeID != actor.nodeID {
                    out.append(StatedRelation(kind: .cooperates, source: actor.nodeID, target: other.nodeID,
                                              range: left[0].range.lowerBound..<other.range.upperBound))
                }
            }
        }
        // "X与Y共同…", "X和Y联合…": the list before 共同/联合 cooperates pairwise with its first member.
        for word in jointWords {
            var from = 0
            while let i = span.find(word, from: from) {
                from = i + word.count
                let group = hits.chain(of: .agency, endingAt: i, in: span)
                guard group.count >= 2 else { continue }
                for other in group.dropFirst() where other.nodeID != group[0].nodeID {
                    out.append(StatedRelation(kind: .cooperates, source: group[0].nodeID, target: other.nodeID,
                                              range: group[0].range.lowerBound..<other.range.upperBound))
                }
            }
        }
    }

    /// supervises: "X(负责|加强)?对Y(的|进行)?监督", "X(负责)?监督Y" (X may be a list of bodies).
    static func supervision(_ span: ScalarSpan, hits: [EntityHit], into out: inout [StatedRelation]) {
        let s = span.scalars
        var index = 0
        let agencies = hits.filter { $0.kind == .agency }
        while index < agencies.count {
            let group = hits.chain(of: .agency, startingAt: agencies[index].range.lowerBound, in: span)
            index += max(group.count, 1)
            guard let last = group.last else { continue }
            var p = last.range.upperBound
            for word in supervisionLeadIns where span.matches(word, at: p) { p += word.count }
            var objectStart: Int?
            var viaDui = false
            if p < s.count, s[p] == "对" {
                objectStart = p + 1
                viaDui = true
            } else if let w = supervisionWords.first(where: { span.matches($0, at: p) }) {
                objectStart = p + w.count
            }
            guard let start = objectStart else { continue }
            // The object may be quoted, with or without the quotes in its mention ("对“832平台”的监督").
            let quoted = start < s.count && s[start] == "“"
            guard let object = hits.first(where: { $0.range.lowerBound == start || quoted && $0.range.lowerBound == start + 1 }) else { continue }
            if viaDui {
                var q = object.range.upperBound
                if q < s.count, s[q] == "”" { q += 1 }
                for w in supervisionLinks where span.matches(w, at: q) { q += w.count }
                guard supervisionWords.contains(where: { span.matches($0, at: q) }) else { continue }
            }
            for member in group where member.nodeID != object.nodeID {
                out.append(StatedRelation(kind: .supervises, source: member.nodeID, target: object.nodeID,
                                          range: group[0].range.lowerBound..<object.range.upperBound))
            }
        }
    }
}
