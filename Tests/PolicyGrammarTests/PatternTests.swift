@testable import PolicyGrammar
import Testing
import TestSupport

/// The combinator layer's semantics: sequence, ordered choice, greedy repetition that gives back, captures,
/// look-around, word sets longest first, and the first-scalar prefilter agreeing with a scan of every position.
@Suite struct PatternTests {
    static let heads = WordSet(["委员会", "办公室", "厅", "局", "委"])

    /// body → region? han{0,4} head — the repetition must give back the head's scalars.
    static let body = Pattern.sequence(
        .optional(.capture("region", .sequence(.repeat(.han, 2...3), .oneOf("省市县")))),
        .repeat(.han, 0...4),
        .capture("head", .word(in: heads)))

    @Test func repetitionGivesBackWhatTheHeadNeeds() throws {
        let t = MarkedText("1️⃣江苏省2️⃣财政3️⃣厅4️⃣")
        let m = try #require(Self.body.prefixMatch(in: t.scalars, at: 0))
        #expect(m.range == t.range("1", "4"))
        #expect(m["region"] == t.range("1", "2"))
        #expect(m["head"] == t.range("3", "4"))
    }

    @Test func longestHeadIsPreferredButShorterOneStillMatches() throws {
        // 委员会 (longest) where it is there; 委 alone where only it fits.
        let long = MarkedText("1️⃣浙江省发展改革2️⃣委员会3️⃣")
        let m = try #require(Self.body.prefixMatch(in: long.scalars, at: 0))
        #expect(m["head"] == long.range("2", "3"))
        let short = MarkedText("1️⃣湖南省教育2️⃣委3️⃣")
        let n = try #require(Self.body.prefixMatch(in: short.scalars, at: 0))
        #expect(n["head"] == short.range("2", "3"))
    }

    @Test func nearMissWithoutAHeadDoesNotMatch() {
        // Six Han characters with no head inside the repetition's reach: no body.
        #expect(Self.body.prefixMatch(in: Array("江苏省加快推进".unicodeScalars), at: 0) == nil)
    }

    @Test func longestMatchTriesEveryAlternative() throws {
        // Ordered choice takes the first alternative that succeeds; longestMatch looks at all of them.
        let p = Pattern.choice(.literal("十四"), .literal("十四五"))
        let text = Array("十四五期间".unicodeScalars)
        #expect(p.prefixMatch(in: text, at: 0)?.range == 0..<2)
        #expect(p.longestMatch(in: text, at: 0)?.range == 0..<3)
    }

    @Test func negativeLookaheadRejectsAWordContinuation() {
        // 局 as a head, but not in 局面 (a word that only begins with it).
        let p = Pattern.sequence(.repeat(.han, 1...4), .literal("局"), .not(.oneOf("面势限")))
        #expect(p.matchedStrings(in: "市统计局发布") == ["市统计局"])
        #expect(p.matchedStrings(in: "开创新局面") == [])
    }

    @Test func lookbehindTestsTheScalarBeforeTheMatch() {
        let number = Pattern.sequence(.notPreceded(by: .digit), .repeat(.digit, 1...4), .literal("%"))
        #expect(number.matchedStrings(in: "达到45%以上") == ["45%"])
        let inside = Array("12345%".unicodeScalars)
        #expect(number.prefixMatch(in: inside, at: 1) == nil)
    }

    @Test func capturesInsideARepetitionAreAllKept() throws {
        let list = Pattern.sequence(
            .capture("item", .repeat(.han, 2...4)),
            .repeat(.sequence(.literal("、"), .capture("item", .repeat(.han, 2...4))), atLeast: 0))
        let t = Array("财政部、商务部、科技部".unicodeScalars)
        let m = try #require(list.prefixMatch(in: t, at: 0))
        #expect(m.all("item").map { t.string($0) } == ["财政部", "商务部", "科技部"])
    }

    @Test func customStepsPlugInCode() throws {
        // A step written in code: a run of digits, however long.
        let digits = Pattern.custom("digits") { text, i, end in
            var j = i
            while j < end, ScalarClass.digit.contains(text[j]) { j += 1 }
            return j > i ? [j] : []
        }
        let p = Pattern.sequence(.capture("n", digits), .word(["亿元", "万人", "%"]))
        let t = Array("新增就业1100万人".unicodeScalars)
        let m = try #require(p.firstMatch(in: t))
        #expect(t.string(try #require(m["n"])) == "1100")
    }

    @Test func wordSetValuesAndSuffixLookups() throws {
        let units = WordSet([("亿元", "money"), ("元", "money"), ("%", "ratio"), ("个百分点", "points")])
        let t = Array("降低2个百分点，节约5亿元".unicodeScalars)
        #expect(units.longestMatch(in: t, at: 3, end: t.count)?.value == "points")
        #expect(units.value(of: 11..<13, in: t) == "money")
        let suffix = try #require(units.longestMatch(in: t, endingAt: t.count))
        #expect(suffix.start == 11)
    }

    /// The prefilter must never skip a position where a match starts: matches with it equal matches tried at
    /// every position, on generated text.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func firstScalarPrefilterAgreesWithTryingEveryPosition(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let alphabet = Array("省市县财政厅局委员会办公室江苏湖南、的和".unicodeScalars)
        let patterns: [Pattern] = [
            .word(in: Self.heads),
            .sequence(.optional(.oneOf("省市县")), .word(in: Self.heads)),
            .choice(.literal("财政"), .sequence(.literal("江苏"), .oneOf("省市"))),
            .sequence(.repeat(.oneOf("江苏湖南"), 1...2), .oneOf("省市"), .not(.literal("的"))),
        ]
        for pattern in patterns {
            for _ in 0..<200 {
                let text = (0..<Int.random(in: 1...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
                var everyPosition: [Range<Int>] = []
                var i = 0
                while i < text.count {
                    if let m = pattern.prefixMatch(in: text, at: i), !m.range.isEmpty {
                        everyPosition.append(m.range)
                        i = m.range.upperBound
                    } else {
                        i += 1
                    }
                }
                #expect(pattern.matches(in: text).map(\.range) == everyPosition, "\(text.string(0..<text.count))")
            }
        }
    }

    /// `prefixMatch` skips the matcher where the scalar at the start is none the pattern's opening accepts; it must
    /// answer exactly as the matcher run at every position does, on generated text — including patterns that can
    /// match the empty string, open with a look-ahead, an optional element or a step written in code.
    @Test(arguments: [UInt64(5), 6, 7, 8])
    func firstScalarTestOfPrefixMatchAgreesWithTheMatcher(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let alphabet = Array("省市县财政厅局委员会办公室江苏湖南、的和".unicodeScalars)
        let names = WordSet(["江苏省", "湖南", "财政"])
        let region = Pattern.custom("region", startingWith: names.firstScalars) { text, i, limit in
            names.matches(in: text, at: i, end: limit - 1).map(\.end)
        }
        let patterns: [Pattern] = [
            .word(in: Self.heads),
            Self.body,
            .sequence(.optional(.oneOf("省市县")), .word(in: Self.heads)),
            .sequence(.not(.literal("的")), .repeat(.oneOf("江苏湖南"), 1...2), .oneOf("省市")),
            .sequence(.capture("r", .repeat(region, 1...2)), .word(in: Self.heads), .not(.scalar(.any))),
            .sequence(.optional(.capture("r", region)), .literal("委")),
            .choice(.literal("财政"), .empty, .oneOf("厅")),
            .sequence(.repeat(.han, 0...2), .oneOf("局")),
            .custom("any two") { _, i, limit in i + 2 <= limit ? [i + 2, i] : [i] },
            .sequence(.followed(by: .oneOf("江湖")), .han, .han),
        ]
        for pattern in patterns {
            for _ in 0..<200 {
                let text = (0..<Int.random(in: 0...16, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
                for start in 0...text.count {
                    for end in [text.count, max(start, text.count - 2)] {
                        let fast = pattern.prefixMatch(in: text, at: start, end: end)
                        let reference = pattern.engineMatch(in: text, at: start, limit: end)
                        #expect(fast == reference, "\(text.string(0..<text.count)) at \(start)")
                    }
                }
            }
        }
    }

    /// A word set's look-ups (tried only where its first or last scalar filter passes) answer as a plain search of
    /// its words does, on generated text.
    @Test func wordSetLookupsAgreeWithAPlainSearch() {
        let words = ["委员会", "委", "办公室", "办公厅", "厅", "局", "管理局", "会"]
        let set = WordSet(words.map { ($0, $0) })
        let alphabet = Array("委员会办公室厅管理局省的和".unicodeScalars)
        var random = SeededGenerator(seed: 9)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            for i in 0...text.count {
                let here = words.filter { w in
                    let s = Array(w.unicodeScalars)
                    return i + s.count <= text.count && Array(text[i..<(i + s.count)]) == s
                }.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
                #expect(set.matches(in: text, at: i, end: text.count).map(\.value) == here)
                #expect(set.longestMatch(in: text, at: i, end: text.count)?.value == here.first)
                #expect(i == text.count || set.mayStart(with: text[i]) == words.contains { $0.unicodeScalars.first == text[i] })
                let ending = words.filter { w in
                    let s = Array(w.unicodeScalars)
                    return i >= s.count && Array(text[(i - s.count)..<i]) == s
                }.max { $0.unicodeScalars.count < $1.unicodeScalars.count }
                #expect(set.longestMatch(in: text, endingAt: i)?.value == ending)
            }
        }
    }
}

@Suite struct MarkedTextTests {
    @Test func markersAreRemovedAndLocated() {
        let t = MarkedText("1️⃣财政部2️⃣和3️⃣商务部4️⃣ 2025年")
        #expect(t.text == "财政部和商务部 2025年")
        #expect(t.text("1", "2") == "财政部")
        #expect(t.range("3", "4") == 4..<7)
    }
}
