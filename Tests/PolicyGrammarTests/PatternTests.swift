import PolicyGrammar
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
}

@Suite struct MarkedTextTests {
    @Test func markersAreRemovedAndLocated() {
        let t = MarkedText("1️⃣财政部2️⃣和3️⃣商务部4️⃣ 2025年")
        #expect(t.text == "财政部和商务部 2025年")
        #expect(t.text("1", "2") == "财政部")
        #expect(t.range("3", "4") == 4..<7)
    }
}
