/// The normaliser: cleans a decoded source line by line (control characters, full-width letters and digits,
/// spaces between CJK, doubled print, page furniture, TOC lines) and rejoins hard-wrapped lines into paragraphs,
/// recording for every clean byte the decoded offset it comes from.
enum Normalizer {
    struct Output {
        var utf8: [UInt8]
        /// Decoded offset of every clean byte (all bytes of a scalar map to the scalar's source).
        var cleanToDecoded: [Int32]
        var profile: NormalizationProfile
        /// Titles of table-of-contents entries (text before the dot leaders), in order; empty titles skipped.
        var tableOfContents: [String]
    }

    /// Normalises lines `lines` (1-based, default all) of `source`, with `profile` or one derived from them.
    static func normalize(_ source: SourceText, lines: ClosedRange<Int>? = nil,
                          profile given: NormalizationProfile? = nil) -> Output {
        let lineRange = lines ?? 1...max(1, source.lineCount)
        var flat = cleanLines(source, lineRange)
        let undouble = given?.undoubleLines ?? shouldUndouble(flat)
        if undouble { flat = undoubled(flat) }
        classify(&flat)
        let profile = given ?? NormalizationProfile(undoubleLines: undouble, fullLineWidth: fullLineWidth(flat))
        var out = assemble(flat, profile: profile)
        out.tableOfContents = tocTitles(flat)
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
        let rawS = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        let rawO = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        defer { rawS.deallocate(); rawO.deallocate() }
        var lines: [CleanLine] = []
        lines.reserveCapacity(lineRange.count)
        var offsets: [Int32] = []
        let scalars = source.utf8.withUnsafeBufferPointer { bytes in
            [UInt32](unsafeUninitializedCapacity: capacity) { outS, sCount in
                offsets = [Int32](unsafeUninitializedCapacity: capacity) { outO, oCount in
                    var count = 0
                    for number in lineRange where number <= source.lineCount {
                        let range = source.decodedRange(ofLine: number)
                        var n = 0
                        var i = range.lowerBound
                        while i < range.upperBound {
                            let b = bytes[i]
                            var v: UInt32
                            var length = 1
                            if b < 0x80 { v = UInt32(b) } else { (v, length) = UTF8Bytes.decode(bytes, at: i) }
                            // Ideographs (the bulk of the text) are neither invisible, nor spaces, nor full-width letters.
                            if v >= 0x3400 && v <= 0x9FFF { rawS[n] = v; rawO[n] = Int32(i); n += 1; i += length; continue }
                            if ScalarClass.isInvisible(v) { i += length; continue }
                            if ScalarClass.isSpace(v) { v = space } else if ScalarClass.isFullWidthAlphanumeric(v) { v -= 0xFEE0 }
                            rawS[n] = v; rawO[n] = Int32(i); n += 1
                            i += length
                        }
                        let start = count
                        appendWithoutExtraSpaces(rawS, rawO, n, outS.baseAddress!, outO.baseAddress!, &count)
                        lines.append(CleanLine(number: number, start: start, end: count,
                                               breakOffset: Int32(range.upperBound)))
                    }
                    oCount = count
                }
                sCount = offsets.count
            }
        }
        return Flat(scalars: scalars, offsets: offsets, lines: lines)
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
        var candidates = 0, doubled = 0
        var buffer: [UInt32] = []
        for line in flat.lines {
            buffer.removeAll(keepingCapacity: true)
            for k in line.start..<line.end where flat.scalars[k] != space { buffer.append(flat.scalars[k]) }
            guard buffer.count >= 4 else { continue }
            candidates += 1
            if buffer.withUnsafeBufferPointer({ LineDoubling.parse($0) }) != nil { doubled += 1 }
        }
        return doubled >= 3 && doubled * 10 >= candidates * 3
    }

    /// Replaces every line that splits into squares by the first copies of its squares (spaces dropped); lines whose
    /// start or end alone is doubled lose the second copies there (span level).
    static func undoubled(_ flat: Flat) -> Flat {
        var out = Flat()
        out.scalars.reserveCapacity(flat.scalars.count)
        out.offsets.reserveCapacity(flat.offsets.count)
        var bufS: [UInt32] = []
        var bufO: [Int32] = []
        for var line in flat.lines {
            bufS.removeAll(keepingCapacity: true); bufO.removeAll(keepingCapacity: true)
            for k in line.start..<line.end where flat.scalars[k] != space {
                bufS.append(flat.scalars[k]); bufO.append(flat.offsets[k])
            }
            let start = out.scalars.count
            if let pieces = bufS.withUnsafeBufferPointer({ LineDoubling.parse($0) ?? LineDoubling.parseSpans($0) }) {
                for piece in pieces {
                    out.scalars.append(contentsOf: bufS[piece.start..<(piece.start + piece.length)])
                    out.offsets.append(contentsOf: bufO[piece.start..<(piece.start + piece.length)])
                }
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
        flat.scalars.withUnsafeBufferPointer { s in
            for index in flat.lines.indices {
                let line = flat.lines[index]
                let slice = UnsafeBufferPointer(rebasing: s[line.start..<line.end])
                var width = 0
                for v in slice { width += ScalarClass.displayWidth(v) }
                flat.lines[index].width = width
                if slice.isEmpty {
                    flat.lines[index].kind = .blank
                } else if PageFurniture.isPageNumber(slice) {
                    flat.lines[index].kind = .furniture
                } else if PageFurniture.tocLeaderStart(slice) != nil {
                    flat.lines[index].kind = .tocEntry
                }
            }
        }
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
        var counts: [Int: Int] = [:]
        var contentLines = 0, unfinished = 0
        for line in flat.lines where line.kind == .content {
            contentLines += 1
            guard line.width >= 12, !LineShape.endsParagraph(flat.scalars, line.start, line.end) else { continue }
            counts[line.width, default: 0] += 1
            unfinished += 1
        }
        // Bucket widths that differ by one column (digits and Latin letters make lines a column narrower or wider).
        var best = 0, bestCount = 0
        for (w, _) in counts {
            let c = (counts[w - 1] ?? 0) + (counts[w] ?? 0) + (counts[w + 1] ?? 0)
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

    static func assemble(_ flat: Flat, profile: NormalizationProfile) -> Output {
        let capacity = flat.scalars.count * 4 + flat.lines.count + 1
        var map: [Int32] = []
        let joinWidth = profile.joinWidth
        let utf8 = flat.scalars.withUnsafeBufferPointer { s in
            flat.offsets.withUnsafeBufferPointer { o in
                [UInt8](unsafeUninitializedCapacity: capacity) { out, outCount in
                    map = [Int32](unsafeUninitializedCapacity: capacity) { m, mCount in
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
                            for k in line.start..<line.end {
                                let v = s[k]
                                let origin = o[k]
                                if v < 0x80 {
                                    out[c] = UInt8(v); m[c] = origin; c += 1
                                } else if v < 0x800 {
                                    out[c] = UInt8(0xC0 | (v >> 6)); out[c + 1] = UInt8(0x80 | (v & 0x3F))
                                    m[c] = origin; m[c + 1] = origin; c += 2
                                } else if v < 0x10000 {
                                    out[c] = UInt8(0xE0 | (v >> 12)); out[c + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                                    out[c + 2] = UInt8(0x80 | (v & 0x3F))
                                    m[c] = origin; m[c + 1] = origin; m[c + 2] = origin; c += 3
                                } else {
                                    out[c] = UInt8(0xF0 | (v >> 18)); out[c + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                                    out[c + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[c + 3] = UInt8(0x80 | (v & 0x3F))
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
        }
        return Output(utf8: utf8, cleanToDecoded: map, profile: profile, tableOfContents: [])
    }
}
