import Testing
import TestSupport
@testable import PolicyExtraction

@Suite struct AutomatonTests {
    private func names(_ automaton: LongestMatchAutomaton, _ text: String, _ values: [Int32: String]) -> [String] {
        let bytes = Array(text.utf8)
        return automaton.matches(in: bytes, range: 0..<bytes.count).map { values[$0.value]! }
    }

    @Test func prefersTheLongestMatchAtTheLeftmostStart() {
        let patterns = ["国务院", "国务院办公厅", "办公厅", "财政部"]
        let a = LongestMatchAutomaton(strings: patterns.enumerated().map { ($0.element, Int32($0.offset)) })
        let values = Dictionary(uniqueKeysWithValues: patterns.enumerated().map { (Int32($0.offset), $0.element) })
        #expect(names(a, "国务院办公厅和财政部", values) == ["国务院办公厅", "财政部"])
        #expect(names(a, "国务院办", values) == ["国务院"])
        #expect(names(a, "办公厅", values) == ["办公厅"])
    }

    @Test func leftmostWinsOverALongerLaterMatch() {
        // "AB" starts before "BCDE": leftmost-longest takes AB and then cannot take BCDE.
        let a = LongestMatchAutomaton(strings: [("长江", 0), ("江经济带", 1)])
        let bytes = Array("长江经济带".utf8)
        let found = a.matches(in: bytes, range: 0..<bytes.count)
        #expect(found.map(\.value) == [0])
        #expect(found[0].range == 0..<6)
    }

    @Test func byteRangesAreScalarAlignedAndRespectTheRange() {
        let a = LongestMatchAutomaton(strings: [("江苏", 1), ("PPP", 2)])
        let text = "在江苏推广PPP，江苏"
        let bytes = Array(text.utf8)
        let all = a.matches(in: bytes, range: 0..<bytes.count)
        #expect(all.map(\.value) == [1, 2, 1])
        for m in all {
            #expect(String(decoding: bytes[m.range], as: UTF8.self) == (m.value == 1 ? "江苏" : "PPP"))
        }
        // a range that cuts the last match off
        let cut = a.matches(in: bytes, range: 0..<(bytes.count - 1))
        #expect(cut.map(\.value) == [1, 2])
    }

    @Test func neverMatchesInsideAMultiByteCharacter() {
        // 0xE6 0xB1 0x9F is 江; a pattern made of its last two bytes must not match inside it.
        let a = LongestMatchAutomaton(patterns: [(bytes: [0xB1, 0x9F], value: 7)])
        let bytes = Array("江".utf8)
        #expect(a.matches(in: bytes, range: 0..<bytes.count).isEmpty)
    }

    @Test func firstValueWinsForDuplicatePatterns() {
        let a = LongestMatchAutomaton(strings: [("发改委", 1), ("发改委", 2)])
        #expect(a.patternCount == 1)
        #expect(a.longestMatch(in: Array("发改委".utf8), at: 0, limit: 9)?.value == 1)
    }

    /// Generated cases are seeded (a failure names its seed and repeats).
    static let seeds: [UInt64] = [1, 2, 3]

    @Test(arguments: seeds)
    func agreesWithANaiveScanOnGeneratedText(seed: UInt64) {
        // Patterns over a small alphabet so that prefixes overlap heavily; compare with a brute-force scan.
        agreesWithNaiveScan(alphabet: Array("中国务院江苏省财政厅PPP".unicodeScalars), patternCount: 60, seed: seed)
    }

    @Test(arguments: seeds)
    func prefiltersKeepEveryMatchForAllScalarWidths(seed: UInt64) {
        // First scalars of one to four UTF-8 bytes, and enough patterns for a larger prefilter.
        agreesWithNaiveScan(alphabet: Array("aZ9éß中国务院😀𠀀".unicodeScalars), patternCount: 3000, seed: seed)
    }

    private func agreesWithNaiveScan(alphabet: [Unicode.Scalar], patternCount: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var patterns: [String] = []
        for _ in 0..<patternCount {
            let length = Int.random(in: 1...4, using: &generator)
            patterns.append(String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! })))
        }
        let a = LongestMatchAutomaton(strings: patterns.enumerated().map { ($0.element, Int32($0.offset)) })
        var firstIndex: [String: Int32] = [:]
        for (i, p) in patterns.enumerated() where firstIndex[p] == nil { firstIndex[p] = Int32(i) }
        for _ in 0..<50 {
            let scalars = (0..<40).map { _ in alphabet.randomElement(using: &generator)! }
            let text = String(String.UnicodeScalarView(scalars))
            let bytes = Array(text.utf8)
            // naive leftmost-longest over scalar positions
            var expected: [(Range<Int>, Int32)] = []
            var offsets: [Int] = [0]
            for s in scalars { offsets.append(offsets.last! + String(s).utf8.count) }
            var i = 0
            while i < scalars.count {
                var best: (Int, Int32)? = nil
                for j in (i + 1)...scalars.count {
                    let piece = String(String.UnicodeScalarView(scalars[i..<j]))
                    if let v = firstIndex[piece] { best = (j, v) }
                }
                if let (j, v) = best {
                    expected.append((offsets[i]..<offsets[j], v))
                    i = j
                } else {
                    i += 1
                }
            }
            let got = a.matches(in: bytes, range: 0..<bytes.count)
            #expect(got.map(\.range) == expected.map(\.0))
            #expect(got.map(\.value) == expected.map(\.1))
        }
    }

    @Test(arguments: seeds)
    func scanAgreesWithEachAutomatonAlone(seed: UInt64) {
        // Several automata over one text: each must get exactly its own matches, with Han pairs (the raw-byte
        // filter), one-scalar three-byte patterns (which turn that filter off), ASCII and four-byte scalars.
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("中国务院江苏省财政厅计划工程aZ9é😀".unicodeScalars)
        func patterns(_ count: Int, minLength: Int) -> [String] {
            (0..<count).map { _ in
                String(String.UnicodeScalarView((0..<Int.random(in: minLength...4, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                }))
            }
        }
        for minLength in [1, 2] {
            let automata = (0..<3).map { k in
                LongestMatchAutomaton(strings: patterns(k == 0 ? 80 : 10, minLength: minLength).enumerated()
                    .map { ($0.element, Int32($0.offset)) })
            }
            let scan = LongestMatchAutomaton.Scan(automata)
            for _ in 0..<50 {
                let text = String(String.UnicodeScalarView((0..<60).map { _ in alphabet.randomElement(using: &generator)! }))
                let bytes = Array(text.utf8)
                for range in [0..<bytes.count, 3..<(bytes.count - 2)] {
                    let found = bytes.withUnsafeBufferPointer { scan.matches(in: $0, range: range) }
                    for (k, a) in automata.enumerated() {
                        let alone = a.matches(in: bytes, range: range)
                        #expect(found[k].map(\.range) == alone.map(\.range))
                        #expect(found[k].map(\.value) == alone.map(\.value))
                    }
                }
            }
        }
    }
}
