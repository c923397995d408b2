import Testing
@testable import PolicyOntology

@Suite struct NameKeyTests {
    @Test func equalExactlyWhenTheStringsAreEqual() {
        // Precomposed and decomposed forms (é, が) are equal Strings; the fast path must not split them.
        let names = ["财政部", "Café", "Cafe\u{301}", "が行動", "か\u{3099}行動", "Ω", "\u{2126}", "“放管服”改革", "ＰＰＰ", "PPP", ""]
        for a in names {
            for b in names {
                #expect((NameKey(a) == NameKey(b)) == (a == b), "\(a) vs \(b)")
                if a == b { #expect(NameKey(a).hashValue == NameKey(b).hashValue) }
            }
        }
    }

    @Test func takesTheFastPathOnlyForTextThatIsNFC() {
        #expect(NameKey.isNFCAsItStands("国家发展和改革委员会“十四五”PPP（试点）"))
        #expect(!NameKey.isNFCAsItStands("か\u{3099}"))
        #expect(!NameKey.isNFCAsItStands("Cafe\u{301}"))
        #expect(!NameKey.isNFCAsItStands("\u{2126}"))
        #expect(!NameKey.isNFCAsItStands("\u{F900}"))
        #expect(!NameKey.isNFCAsItStands("\u{FA10}"))             // a compatibility ideograph (decomposes)
        #expect(!NameKey.isNFCAsItStands("字\u{302B}\u{302A}"))   // ideographic tone marks reorder
        #expect(NameKey("字\u{302B}\u{302A}") == NameKey("字\u{302A}\u{302B}"))
        #expect(NameKey.isNFCAsItStands("Ministry of Finance"))
    }

    @Test func ontologyLooksUpCanonicallyEquivalentNames() {
        let ontology = Ontology(agencies: [Agency(canonical: "Cafe\u{301}局", level: .other)], regions: [], programmes: [],
                                targetVocabulary: TargetVocabulary(units: [], comparators: [], redLineWords: [], kindWords: [], deadlinePatterns: []))
        #expect(ontology.agency(named: "Café局")?.canonical == "Cafe\u{301}局")
        #expect(ontology.agency(named: "Cafe局") == nil)
    }
}
