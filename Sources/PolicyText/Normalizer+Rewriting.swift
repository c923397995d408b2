/// The rewriting step of the normaliser, between cleaning and undoubling: NFC (compatibility ideographs folded),
/// pinyin glosses dropped, traditional characters converted to simplified. Every clean scalar keeps the decoded
/// offset of the scalar it comes from; dropped glosses are recorded for the written form.
///
/// Simplified text in NFC without glosses — nearly every file — is only surveyed (one pass, a byte load per
/// ideograph) and left as it is, byte for byte.
extension Normalizer {
    /// What the cleaned scalars hold that rewriting acts on.
    struct RewriteSurvey {
        /// Characters that t2s changes.
        var traditional = 0
        /// A pinyin gloss after an ideograph (NFC may still make one: the rewriting step looks again).
        var glossCandidate = false
        /// A scalar that NFC might change.
        var unstable = false

        /// Whether any line can change: in a file that is not traditional a line needs 4 traditional characters.
        func needsRewrite(traditionalFile: Bool) -> Bool {
            mayConvert(traditionalFile: traditionalFile) || glossCandidate || unstable
        }

        func mayConvert(traditionalFile: Bool) -> Bool { traditional >= (traditionalFile ? 1 : 4) }
    }

    /// A pinyin gloss the normaliser dropped: the decoded offset of the ideograph it follows and its decoded bytes.
    struct DroppedGloss: Sendable {
        var after: Int32
        var range: Range<Int32>
    }

    static func rewriteSurvey(_ flat: Flat) -> RewriteSurvey {
        flat.scalars.withUnsafeBufferPointer { s in
            TraditionalChinese.shared.traditionalFlags.withUnsafeBufferPointer { flags in
                guard let base = s.baseAddress else { return RewriteSurvey() }
                return survey(base, s.count, flags.baseAddress!)
            }
        }
    }

    /// The survey's loop: ideographs and CJK punctuation (U+3000–9FFF, the bulk of the text) cost one byte load,
    /// ASCII and full-width forms a comparison or two; only other scalars are checked for NFC.
    @inline(never)
    static func survey(_ s: UnsafePointer<UInt32>, _ n: Int, _ flags: UnsafePointer<UInt8>) -> RewriteSurvey {
        var traditional = 0
        var glossCandidate = false, unstable = false
        var k = 0
        while k < n {
            let v = s[k]
            let d = v &- TraditionalChinese.flagsBase
            if d < TraditionalChinese.flagsCount {
                traditional &+= Int(truncatingIfNeeded: flags[Int(truncatingIfNeeded: d)])
            } else if v < 0x300 || v &- 0xFF01 < 0xEF {
                if (v == 0x28 || v == 0xFF08) && k > 0 && ScalarClass.isIdeograph(s[k &- 1])
                    && PinyinGloss.length(UnsafeBufferPointer(start: s, count: n), at: k, end: n) > 0 {
                    glossCandidate = true
                }
            } else if !CanonicalComposition.isStable(v) {
                unstable = true
            }
            k &+= 1
        }
        var survey = RewriteSurvey()
        survey.traditional = traditional
        survey.glossCandidate = glossCandidate
        survey.unstable = unstable
        return survey
    }

    /// A file is traditional when at least 8 of its ideographs, and a tenth of them, are characters t2s changes
    /// (simplified files hold none or a stray one; traditional text about a third).
    static func isTraditional(_ flat: Flat, survey: RewriteSurvey) -> Bool {
        guard survey.traditional >= 8 else { return false }
        let ideographs = flat.scalars.reduce(0) { $0 + (ScalarClass.isIdeograph($1) ? 1 : 0) }
        return survey.traditional * 10 >= ideographs
    }

    /// Whether a line is converted: in a traditional file, any line with a character t2s changes; elsewhere a line
    /// of traditional text (at least 4 such characters, 15% of its ideographs), as a repost inside a simplified page.
    static func convertsLine(_ s: ArraySlice<UInt32>, traditionalFile: Bool) -> Bool {
        let table = TraditionalChinese.shared
        var traditional = 0, ideographs = 0
        for v in s {
            if table.isTraditional(v) { traditional += 1 }
            if ScalarClass.isIdeograph(v) { ideographs += 1 }
        }
        if traditionalFile { return traditional > 0 }
        return traditional >= 4 && traditional * 100 >= ideographs * 15
    }

    /// The rewritten lines, whether any scalar now differs from the source's, and the glosses dropped.
    static func rewritten(_ flat: Flat, survey: RewriteSurvey, traditionalFile: Bool)
        -> (flat: Flat, changed: Bool, glosses: [DroppedGloss]) {
        var out = Flat()
        out.scalars.reserveCapacity(flat.scalars.count)
        out.offsets.reserveCapacity(flat.offsets.count)
        var glosses: [DroppedGloss] = []
        var changed = false
        var nfcS: [UInt32] = [], nfcO: [Int32] = []
        for var line in flat.lines {
            // NFC.
            var lineS = flat.scalars[line.start..<line.end]
            var lineO = flat.offsets[line.start..<line.end]
            if survey.unstable, lineS.withContiguousStorageIfAvailable({ CanonicalComposition.mayChange($0) }) ?? true {
                nfcS.removeAll(keepingCapacity: true); nfcO.removeAll(keepingCapacity: true)
                CanonicalComposition.append(lineS, lineO, to: &nfcS, &nfcO)
                if !nfcS.elementsEqual(lineS) { changed = true }
                lineS = nfcS[...]; lineO = nfcO[...]
            }
            // Glosses.
            let start = out.scalars.count
            if survey.glossCandidate || survey.unstable {
                let base = lineS.startIndex
                lineS.withContiguousStorageIfAvailable { s in
                    var k = 0
                    while k < s.count {
                        let v = s[k]
                        if (v == 0x28 || v == 0xFF08), out.scalars.count > start, ScalarClass.isIdeograph(out.scalars.last!) {
                            let n = PinyinGloss.length(s, at: k, end: s.count)
                            if n > 0 {
                                let close = s[k + n - 1]
                                let first = lineO[base + k]
                                let end = lineO[base + k + n - 1] + Int32(UTF8Bytes.encodedLength(close))
                                glosses.append(DroppedGloss(after: out.offsets.last!, range: first..<end))
                                k += n
                                continue
                            }
                        }
                        out.scalars.append(v); out.offsets.append(lineO[base + k])
                        k += 1
                    }
                }
            } else {
                out.scalars.append(contentsOf: lineS); out.offsets.append(contentsOf: lineO)
            }
            // Traditional → simplified.
            if survey.mayConvert(traditionalFile: traditionalFile) && convertsLine(out.scalars[start...], traditionalFile: traditionalFile) {
                let before = Array(out.scalars[start...])
                out.scalars.withUnsafeMutableBufferPointer { s in
                    TraditionalChinese.shared.convert(UnsafeMutableBufferPointer(rebasing: s[start...]))
                }
                if !before.elementsEqual(out.scalars[start...]) { changed = true }
            }
            if out.scalars.count - start != line.end - line.start || !out.scalars[start...].elementsEqual(flat.scalars[line.start..<line.end]) {
                line.width = out.scalars[start...].reduce(0) { $0 + ScalarClass.displayWidth($1) }
                line.hasSpace = out.scalars[start...].contains(space)
            }
            line.start = start
            line.end = out.scalars.count
            // A line that was only a gloss is gone (as a blank line is).
            if line.start < line.end { out.lines.append(line) }
        }
        return (out, changed, glosses)
    }
}
