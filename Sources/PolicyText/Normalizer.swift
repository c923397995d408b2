/// The normaliser: cleans a decoded source line by line (control characters, full-width letters and digits,
/// spaces between CJK), rewrites it (NFC with compatibility ideographs folded, pinyin glosses dropped, traditional
/// characters converted to simplified: `Normalizer+Rewriting`), removes doubled print, page furniture and TOC lines
/// and rejoins hard-wrapped lines into paragraphs, recording for every clean byte the decoded offset it comes from.
enum Normalizer {
    struct Output {
        var utf8: [UInt8]
        /// Decoded offset of every clean byte (all bytes of a scalar map to the scalar's source).
        var cleanToDecoded: [Int32]
        var profile: NormalizationProfile
        /// Titles of table-of-contents entries (text before the dot leaders), in order; empty titles skipped.
        var tableOfContents: [String]
        /// Some clean scalar differs from the source's (NFC, traditional → simplified).
        var rewritesScalars = false
        /// Pinyin glosses dropped, in source order.
        var droppedGlosses: [DroppedGloss] = []
    }

    /// Normalises lines `lines` (1-based, default all) of `source`, with `profile` or one derived from them.
    static func normalize(_ source: SourceText, lines: ClosedRange<Int>? = nil,
                          profile given: NormalizationProfile? = nil) -> Output {
        let lineRange = lines ?? 1...max(1, source.lineCount)
        var flat = cleanLines(source, lineRange)
        let survey = rewriteSurvey(flat)
        let traditional = given?.convertsTraditional ?? isTraditional(flat, survey: survey)
        var rewritesScalars = false
        var droppedGlosses: [DroppedGloss] = []
        if survey.needsRewrite(traditionalFile: traditional) {
            (flat, rewritesScalars, droppedGlosses) = rewritten(flat, survey: survey, traditionalFile: traditional)
        }
        let undouble: Bool
        var doubling: DoublingSurvey? = nil
        if let given { undouble = given.undoubleLines } else {
            doubling = doublingSurvey(flat)
            undouble = doubling!.shouldUndouble
        }
        if undouble { flat = undoubled(flat, survey: doubling) }
        classify(&flat)
        let profile = given ?? NormalizationProfile(undoubleLines: undouble, fullLineWidth: fullLineWidth(flat),
                                                    convertsTraditional: traditional)
        var out = assemble(flat, profile: profile, source: source, copiesSource: !rewritesScalars)
        out.tableOfContents = tocTitles(flat)
        out.rewritesScalars = rewritesScalars
        out.droppedGlosses = droppedGlosses
        return out
    }

    // MARK: - Per-line cleaning

    struct Flat {
        var scalars: [UInt32] = []
        var offsets: [Int32] = []
        var lines: [CleanLine] = []
    }

    static let space: UInt32 = 0x20

    static func cleanLines(_ source: SourceText, _ lineRange: ClosedRange<Int>) -> Flat {
        let capacity = source.utf8.count + 1
        // (Offsets are stored as Int32: larger sources cannot be mapped.)
        precondition(capacity < Int(Int32.max), "source too large")
        let lineCount = source.lineCount
        var lines: [CleanLine] = []
        lines.reserveCapacity(lineRange.count)
        var offsets: [Int32] = []
        // Lines with spaces are copied here and compacted back (most lines have none and are written once).
        var scratch = SpaceScratch()
        defer { scratch.deallocate() }
        let scalars = source.utf8.withUnsafeBufferPointer { bytes in
            [UInt32](unsafeUninitializedCapacity: capacity) { outBuffer, sCount in
                offsets = [Int32](unsafeUninitializedCapacity: capacity) { offsetBuffer, oCount in
                    let outS = outBuffer.baseAddress!, outO = offsetBuffer.baseAddress!
                    let byteCount = bytes.count
                    let starts = source.lineStarts.offsets
                    var count = 0
                    for number in lineRange where number <= lineCount {
                        // (source.decodedRange(ofLine:), inlined.)
                        let lineStart = starts[number - 1]
                        let lineEnd = number < starts.count ? starts[number] - 1 : byteCount
                        let range = lineStart..<max(lineStart, lineEnd)
                        let start = count
                        var c = count
                        var width = 0, spaces = 0
                        var i = range.lowerBound
                        let end = range.upperBound
                        while i < end {
                            // Runs of ideographs and CJK punctuation (the bulk of the text; U+3001–A4CF and the
                            // full-width punctuation U+FF01–FF0F) are neither invisible, nor spaces, nor full-width
                            // letters, and two columns wide.
                            let runStart = c
                            (i, c) = copyWideRun(bytes.baseAddress!, i, end, outS, outO, c)
                            width &+= 2 &* (c &- runStart)
                            guard i < end else { break }
                            let b = bytes[i]
                            var v: UInt32
                            var length = 1
                            if b < 0x80 { v = UInt32(b) } else { (v, length) = UTF8Bytes.decode(bytes, at: i) }
                            if ScalarClass.isInvisible(v) { i += length; continue }
                            if ScalarClass.isSpace(v) {
                                // Leading spaces are dropped (as appendWithoutExtraSpaces would).
                                if c == start { i += length; continue }
                                v = space; spaces += 1
                            } else {
                                if ScalarClass.isFullWidthAlphanumeric(v) { v -= 0xFEE0 }
                                width += ScalarClass.displayWidth(v)
                            }
                            outS[c] = v; outO[c] = Int32(i); c += 1
                            i += length
                        }
                        // Trailing spaces are dropped too; only lines with spaces inside need compacting.
                        while c > start && outS[c - 1] == space { c -= 1; spaces -= 1 }
                        // A colon written with a look-alike ends an addressee or label line: ∶ (ratio, U+2236),
                        // ﹕ (small, U+FE55), ︓ (vertical, U+FE13). Inside a line ∶ is a ratio ("2.2∶1") and stays.
                        if c > start, isColonLookalike(outS[c - 1]) { outS[c - 1] = 0x3A }
                        var keptSpaces = 0
                        if spaces > 0 {
                            let n = c - start
                            scratch.reserve(n)
                            scratch.scalars.update(from: outS + start, count: n)
                            scratch.offsets.update(from: outO + start, count: n)
                            c = start
                            appendWithoutExtraSpaces(scratch.scalars, scratch.offsets, n, outS, outO, &c)
                            keptSpaces = (c - start) - (n - spaces)
                        }
                        // A line left empty is blank: blank lines affect nothing after cleaning (assembly joins
                        // the content lines around them on their own shapes), so they are not kept.
                        if c == start { continue }
                        lines.append(CleanLine(number: number, start: start, end: c,
                                               breakOffset: Int32(range.upperBound),
                                               width: width + keptSpaces, hasSpace: keptSpaces > 0))
                        count = c
                    }
                    oCount = count
                }
                sCount = offsets.count
            }
        }
        return Flat(scalars: scalars, offsets: offsets, lines: lines)
    }

    /// Copies the run of ideographs and CJK punctuation (three-byte scalars in U+3001–A4CF, the full-width forms
    /// U+FF01–FF60 other than letters and digits, and the quotes and dashes ‘’“”—…) that starts at byte `i` (before
    /// `end`) to `outS`/`outO` from index `c`; returns the byte and index after it. None of these is invisible, a
    /// space or a full-width letter, and each is two columns wide. (A function of its own so that the loop keeps its
    /// few values in registers.)
    @inline(never)
    static func copyWideRun(_ bytes: UnsafePointer<UInt8>, _ i: Int, _ end: Int,
                            _ outS: UnsafeMutablePointer<UInt32>, _ outO: UnsafeMutablePointer<Int32>, _ c: Int) -> (Int, Int) {
        var i = i, c = c
        let raw = UnsafeRawPointer(bytes)
        while true {
            // Two ideographs led by E4…E9 (U+4000–9FFF) per 64-bit load.
            while i &+ 8 <= end {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                guard UInt8(truncatingIfNeeded: w) &- 0xE4 < 6, UInt8(truncatingIfNeeded: w &>> 24) &- 0xE4 < 6 else { break }
                let x = UInt32(truncatingIfNeeded: w), y = UInt32(truncatingIfNeeded: w &>> 24)
                outS[c] = (x & 0x0F) << 12 | ((x &>> 8) & 0x3F) << 6 | ((x &>> 16) & 0x3F)
                outS[c &+ 1] = (y & 0x0F) << 12 | ((y &>> 8) & 0x3F) << 6 | ((y &>> 16) & 0x3F)
                outO[c] = Int32(truncatingIfNeeded: i); outO[c &+ 1] = Int32(truncatingIfNeeded: i &+ 3)
                c &+= 2; i &+= 6
            }
            // Then one scalar of the run, if the next is one.
            guard i &+ 2 < end else { break }
            let b = bytes[i]
            let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F)
            // Leads E4…E9 are U+4000–9FFF; E2, E3, EA and EF need the exact test.
            if b &- 0xE4 >= 6 {
                guard (b == 0xE3 || b == 0xEA) && v &- 0x3001 <= 0xA4CF - 0x3001
                        || b == 0xEF && v &- 0xFF01 <= 0xFF60 - 0xFF01 && !ScalarClass.isFullWidthAlphanumeric(v)
                        || b == 0xE2 && (v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 || v == 0x2014 || v == 0x2026)
                else { break }
            }
            outS[c] = v; outO[c] = Int32(truncatingIfNeeded: i); c &+= 1; i &+= 3
        }
        return (i, c)
    }

    /// Writes the run of three-byte scalars (U+0800–FFFF) among `s[k..<end]` to `out` from index `c`, each byte mapped
    /// to its scalar's offset; returns the scalar and byte index after the run. Such a scalar is the source's own
    /// bytes at its offset (the cleaning rewrites only into ASCII): four source bytes are copied at once (the fourth
    /// is overwritten next; `out` has room), so the run stops three bytes before the end of the source.
    @inline(never)
    static func encodeWideRun(_ s: UnsafePointer<UInt32>, _ o: UnsafePointer<Int32>, _ k: Int, _ end: Int,
                              _ source: UnsafeRawPointer, _ sourceCount: Int,
                              _ out: UnsafeMutablePointer<UInt8>, _ m: UnsafeMutablePointer<Int32>, _ c: Int) -> (Int, Int) {
        var k = k, c = c
        let limit = Int32(truncatingIfNeeded: sourceCount &- 4)
        while k < end {
            let v = s[k]
            let origin = o[k]
            guard v &- 0x800 < 0xF800, origin <= limit else { break }
            let bytes = source.loadUnaligned(fromByteOffset: Int(origin), as: UInt32.self)
            UnsafeMutableRawPointer(out + c).storeBytes(of: bytes, as: UInt32.self)
            m[c] = origin; m[c &+ 1] = origin; m[c &+ 2] = origin
            c &+= 3; k &+= 1
        }
        return (k, c)
    }

    /// ∶ ﹕ ︓: glyphs a text may write for the colon that ends a line (see `cleanLines`).
    @inline(__always)
    static func isColonLookalike(_ v: UInt32) -> Bool { v == 0x2236 || v == 0xFE55 || v == 0xFE13 }

    /// A reusable buffer for the scalars and offsets of one line.
    struct SpaceScratch {
        var scalars = UnsafeMutablePointer<UInt32>.allocate(capacity: 256)
        var offsets = UnsafeMutablePointer<Int32>.allocate(capacity: 256)
        var capacity = 256

        mutating func reserve(_ n: Int) {
            guard n > capacity else { return }
            scalars.deallocate(); offsets.deallocate()
            capacity = max(n, capacity * 2)
            scalars = .allocate(capacity: capacity)
            offsets = .allocate(capacity: capacity)
        }

        func deallocate() { scalars.deallocate(); offsets.deallocate() }
    }

    /// Drops leading/trailing spaces, collapses runs, and removes spaces between CJK and digits, next to CJK
    /// punctuation, and between ideographs when one side is a single spaced-out character ("国 民 众").
    /// Spaces between multi-character CJK words ("科技部 住房城乡建设部") are kept as one space.
    static func appendWithoutExtraSpaces(_ s: UnsafeMutablePointer<UInt32>, _ o: UnsafeMutablePointer<Int32>, _ n: Int,
                                         _ outS: UnsafeMutablePointer<UInt32>, _ outO: UnsafeMutablePointer<Int32>,
                                         _ count: inout Int) {
        var i = 0
        var tokenStart = 0
        var c = count
        while i < n {
            if s[i] != space {
                outS[c] = s[i]; outO[c] = o[i]; c += 1; i += 1
                continue
            }
            var j = i
            while j < n && s[j] == space { j += 1 }
            if i > 0 && j < n {
                var rightEnd = j
                while rightEnd < n && s[rightEnd] != space { rightEnd += 1 }
                if keepsSpace(left: s[i - 1], right: s[j], leftToken: i - tokenStart, rightToken: rightEnd - j) {
                    outS[c] = space; outO[c] = o[i]; c += 1
                }
            }
            tokenStart = j
            i = j
        }
        count = c
    }

    @inline(__always)
    static func keepsSpace(left l: UInt32, right r: UInt32, leftToken: Int, rightToken: Int) -> Bool {
        if ScalarClass.isCJKPunctuation(l) || ScalarClass.isCJKPunctuation(r) { return false }
        let li = ScalarClass.isIdeograph(l), ri = ScalarClass.isIdeograph(r)
        if (li && ScalarClass.isASCIIDigit(r)) || (ri && ScalarClass.isASCIIDigit(l)) { return false }
        if li && ri { return leftToken > 1 && rightToken > 1 }
        return true
    }

    // MARK: - Doubled print

    /// At least three lines and 30% of the lines with four or more scalars split completely into squares.
    static func shouldUndouble(_ flat: Flat) -> Bool {
        doublingSurvey(flat).shouldUndouble
    }

    /// The lines with four or more scalars (candidates) and the square parses of those that are doubled (what
    /// `undoubled` needs again).
    struct DoublingSurvey {
        var candidates = 0
        /// Parses by line index, for the doubled candidates only.
        var parses: [Int: [(start: Int, length: Int)]] = [:]

        var shouldUndouble: Bool { parses.count >= 3 && parses.count * 10 >= candidates * 3 }
    }

    static func doublingSurvey(_ flat: Flat) -> DoublingSurvey {
        var survey = DoublingSurvey()
        var buffer: [UInt32] = []
        flat.scalars.withUnsafeBufferPointer { s in
            for (index, line) in flat.lines.enumerated() {
                let pieces: [(start: Int, length: Int)]?
                if !line.hasSpace {
                    // No spaces to drop: the line itself is the candidate.
                    guard line.end - line.start >= 4 else { continue }
                    pieces = LineDoubling.parse(UnsafeBufferPointer(rebasing: s[line.start..<line.end]))
                } else {
                    buffer.removeAll(keepingCapacity: true)
                    for k in line.start..<line.end where s[k] != space { buffer.append(s[k]) }
                    guard buffer.count >= 4 else { continue }
                    pieces = buffer.withUnsafeBufferPointer { LineDoubling.parse($0) }
                }
                survey.candidates += 1
                if let pieces { survey.parses[index] = pieces }
            }
        }
        return survey
    }

    /// Replaces every line that splits into squares by the first copies of its squares (spaces dropped); lines whose
    /// start or end alone is doubled lose the second copies there (span level).
    static func undoubled(_ flat: Flat, survey: DoublingSurvey? = nil) -> Flat {
        var out = Flat()
        out.scalars.reserveCapacity(flat.scalars.count)
        out.offsets.reserveCapacity(flat.offsets.count)
        var bufS: [UInt32] = []
        var bufO: [Int32] = []
        for (index, var line) in flat.lines.enumerated() {
            let start = out.scalars.count
            // (The survey parsed the lines with four or more scalars besides spaces: they are not parsed again.)
            @inline(__always) func surveyed(_ n: Int) -> Bool { survey != nil && n >= 4 }
            var pieces: [(start: Int, length: Int)]?
            if line.hasSpace {
                bufS.removeAll(keepingCapacity: true); bufO.removeAll(keepingCapacity: true)
                for k in line.start..<line.end where flat.scalars[k] != space {
                    bufS.append(flat.scalars[k]); bufO.append(flat.offsets[k])
                }
                pieces = bufS.withUnsafeBufferPointer {
                    (surveyed($0.count) ? survey!.parses[index] : LineDoubling.parse($0)) ?? LineDoubling.parseSpans($0)
                }
                for piece in pieces ?? [] {
                    out.scalars.append(contentsOf: bufS[piece.start..<(piece.start + piece.length)])
                    out.offsets.append(contentsOf: bufO[piece.start..<(piece.start + piece.length)])
                }
            } else {
                // No spaces to drop: parse the line in place.
                pieces = flat.scalars.withUnsafeBufferPointer {
                    let slice = UnsafeBufferPointer(rebasing: $0[line.start..<line.end])
                    return (surveyed(slice.count) ? survey!.parses[index] : LineDoubling.parse(slice)) ?? LineDoubling.parseSpans(slice)
                }
                for piece in pieces ?? [] {
                    let from = line.start + piece.start
                    out.scalars.append(contentsOf: flat.scalars[from..<(from + piece.length)])
                    out.offsets.append(contentsOf: flat.offsets[from..<(from + piece.length)])
                }
            }
            if pieces != nil {
                line.width = out.scalars[start...].reduce(0) { $0 + ScalarClass.displayWidth($1) }
                line.hasSpace = false
            } else {
                out.scalars.append(contentsOf: flat.scalars[line.start..<line.end])
                out.offsets.append(contentsOf: flat.offsets[line.start..<line.end])
            }
            line.start = start
            line.end = out.scalars.count
            out.lines.append(line)
        }
        return out
    }

    // MARK: - Line kinds

    static func classify(_ flat: inout Flat) {
        let scalars = flat.scalars
        scalars.withUnsafeBufferPointer { s in flat.lines.withUnsafeMutableBufferPointer { lines in
            for index in lines.indices {
                let line = lines[index]
                let slice = UnsafeBufferPointer(rebasing: s[line.start..<line.end])
                if slice.isEmpty {
                    lines[index].kind = .blank
                } else if PageFurniture.isPageNumber(slice) {
                    lines[index].kind = .furniture
                } else if PageFurniture.tocLeaderStart(slice) != nil {
                    lines[index].kind = .tocEntry
                }
            }
        } }
    }

    static func tocTitles(_ flat: Flat) -> [String] {
        var titles: [String] = []
        for line in flat.lines where line.kind == .tocEntry {
            let slice = Array(flat.scalars[line.start..<line.end])
            guard let leader = slice.withUnsafeBufferPointer({ PageFurniture.tocLeaderStart($0) }) else { continue }
            var end = leader
            while end > 0 && slice[end - 1] == space { end -= 1 }
            // Keep titles with some text; extraction may leave only quotes or dashes of a lost title.
            let letters = slice[0..<end].filter { ScalarClass.isIdeograph($0) || ScalarClass.isASCIIAlphanumeric($0) }.count
            if letters >= 2 { titles.append(String(decoding: UTF8Bytes.encode(slice[0..<end]), as: UTF8.self)) }
        }
        return titles
    }

    /// The width of a full hard-wrapped line: the most common width (±1 column) among content lines that do not end
    /// a sentence, if at least 5 lines, 5% of all content lines and 30% of those unfinished lines share it and at most a
    /// quarter of the content lines are wider; else 0.
    static func fullLineWidth(_ flat: Flat) -> Int {
        var counts: [Int] = []
        var contentLines = 0, unfinished = 0
        for line in flat.lines where line.kind == .content {
            contentLines += 1
            guard line.width >= 12, !LineShape.endsParagraph(flat.scalars, line.start, line.end) else { continue }
            if line.width + 2 > counts.count { counts.append(contentsOf: repeatElement(0, count: line.width + 2 - counts.count)) }
            counts[line.width] += 1
            unfinished += 1
        }
        // Bucket widths that differ by one column (digits and Latin letters make lines a column narrower or wider).
        var best = 0, bestCount = 0
        for w in counts.indices where counts[w] > 0 {
            let c = counts[w - 1] + counts[w] + counts[w + 1]
            if c > bestCount || (c == bestCount && w > best) { best = w; bestCount = c }
        }
        // Wrapped lines share one width: demand a real cluster, not a few headings that happen to be equally wide.
        guard bestCount >= 5 && bestCount * 20 >= contentLines && bestCount * 10 >= unfinished * 3 else { return 0 }
        // The wrap width bounds the lines: in a hard-wrapped file few lines are wider (tables, URLs). When many
        // sentences run wider, the text is not wrapped and the cluster is a set of equally wide short headings.
        var wider = 0
        for line in flat.lines where line.kind == .content && line.width > best + 2 { wider += 1 }
        return wider * 4 <= contentLines ? best + 1 : 0
    }

    // MARK: - Paragraphs

    /// Encodes the content lines as paragraphs. `copiesSource`: every scalar is the source's own at its offset (no
    /// rewriting changed one), so runs of three-byte scalars are copied from the source.
    static func assemble(_ flat: Flat, profile: NormalizationProfile, source: SourceText, copiesSource: Bool = true) -> Output {
        // (Room for the four-byte stores of encodeWideRun.)
        let capacity = flat.scalars.count * 4 + flat.lines.count + 4
        var map: [Int32] = []
        let joinWidth = profile.joinWidth
        let utf8 = flat.scalars.withUnsafeBufferPointer { s in source.utf8.withUnsafeBytes { src in
            flat.offsets.withUnsafeBufferPointer { o in
                [UInt8](unsafeUninitializedCapacity: capacity) { outBuffer, outCount in
                    map = [Int32](unsafeUninitializedCapacity: capacity) { mapBuffer, mCount in
                        let out = outBuffer.baseAddress!, m = mapBuffer.baseAddress!
                        var c = 0
                        var previous: CleanLine? = nil
                        for line in flat.lines where line.kind == .content {
                            if let prev = previous {
                                if LineShape.joins(flat.scalars, prev, line, joinWidth: joinWidth) {
                                    if ScalarClass.isASCIIAlphanumeric(s[prev.end - 1]) && ScalarClass.isASCIIAlphanumeric(s[line.start]) {
                                        out[c] = 0x20; m[c] = prev.breakOffset; c += 1
                                    }
                                } else {
                                    out[c] = 0x0A; m[c] = prev.breakOffset; c += 1
                                }
                            }
                            var k = line.start
                            let end = line.end
                            while k < end {
                                if copiesSource { (k, c) = encodeWideRun(s.baseAddress!, o.baseAddress!, k, end, src.baseAddress!, src.count, out, m, c) }
                                guard k < end else { break }
                                let v = s[k]
                                let origin = o[k]
                                k &+= 1
                                if v &- 0x800 < 0xF800 {
                                    // Three bytes: ideographs and CJK punctuation, the bulk of the text.
                                    out[c] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
                                    out[c &+ 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                                    out[c &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                                    m[c] = origin; m[c &+ 1] = origin; m[c &+ 2] = origin; c &+= 3
                                } else if v < 0x80 {
                                    out[c] = UInt8(truncatingIfNeeded: v); m[c] = origin; c += 1
                                } else if v < 0x800 {
                                    out[c] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
                                    out[c + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                                    m[c] = origin; m[c + 1] = origin; c += 2
                                } else {
                                    out[c] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
                                    out[c + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
                                    out[c + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                                    out[c + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                                    m[c] = origin; m[c + 1] = origin; m[c + 2] = origin; m[c + 3] = origin; c += 4
                                }
                            }
                            previous = line
                        }
                        mCount = c
                    }
                    outCount = map.count
                }
            }
        } }
        return Output(utf8: utf8, cleanToDecoded: map, profile: profile, tableOfContents: [])
    }
}
