import PolicyOntology

/// The issuance verbs of `Ontology/issuance_verbs.tsv` as the extractors read them: one list feeds reported
/// issuance (`IssuerExtractor`), the document a title issues (`DocumentExtractor.issuedAttachment`), a title's
/// issuer part, and the sentence prefilter (`SentenceCueWords`).
struct IssuanceVocabulary: Sendable {
    /// Verbs of reported issuance ("X印发《Z》"), longest first.
    let prose: ScalarWordList
    /// Verbs of "关于VERB《Z》的通知" (the notice issues or forwards Z), in list order.
    let attachment: [[Unicode.Scalar]]
    /// Every verb, longest first.
    let all: ScalarWordList

    init(_ verbs: [IssuanceVerb]) {
        func longestFirst(_ words: [String]) -> [[Unicode.Scalar]] {
            words.map(scalars).enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
        }
        prose = ScalarWordList(longestFirst(verbs.filter { $0.uses.contains(.prose) }.map(\.verb)))
        attachment = verbs.filter { $0.uses.contains(.attachment) }.map { scalars($0.verb) }
        all = ScalarWordList(longestFirst(verbs.map(\.verb)))
    }
}
