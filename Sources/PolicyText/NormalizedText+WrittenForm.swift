/// The written form: clean text with its ideographs as the source writes them (traditional characters,
/// compatibility ideographs) and the pinyin glosses the normaliser dropped put back after their characters. Matching
/// reads the clean text; what a user reads as written — titles, 文号, units, evidence sentences — comes from here.
/// Spacing, line joins and full-width digits stay as the clean text has them.
extension NormalizedText {
    /// Whether the clean text writes some ideograph otherwise than the source, or dropped a pinyin gloss (when not,
    /// the written form of any clean text is the text itself).
    public var rewritesSource: Bool { rewriting != nil }

    /// The clean text of `range` as the source writes it.
    public func writtenText(_ range: Range<Int>) -> String {
        guard let rewriting else { return text(range) }
        let range = range.clamped(to: 0..<utf8.count)
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let (v, n) = UTF8Bytes.decode(utf8, at: i)
            appendWritten(v, at: i, length: n, to: &out, rewriting)
            i += n
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `string` — clean text, or a value derived from it that keeps its ideographs (a trimmed title, a 文号 with its
    /// brackets normalised) — with each ideograph as the source writes it where the same run of ideographs occurs
    /// in the clean text: first looked for in `range`, then in the whole text. Unchanged when not found.
    public func asWritten(_ string: String, near range: Range<Int>) -> String {
        guard let rewriting else { return string }
        let wanted = string.unicodeScalars.lazy.map(\.value).filter(ScalarClass.isIdeograph)
        guard !wanted.isEmpty else { return string }
        let ideographs = Array(wanted)
        guard let at = ideographRun(ideographs, in: range) ?? ideographRun(ideographs, in: 0..<utf8.count) else { return string }
        var out: [UInt8] = []
        var t = 0
        for u in string.unicodeScalars {
            if ScalarClass.isIdeograph(u.value) {
                appendWritten(u.value, at: at[t], length: UTF8Bytes.encodedLength(u.value), to: &out, rewriting)
                t += 1
            } else {
                UTF8Bytes.append(u.value, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the written form of the clean scalar `v` at clean offset `i`: for an ideograph the source's scalar at
    /// its offset and the glosses dropped after it, else the clean bytes.
    private func appendWritten(_ v: UInt32, at i: Int, length: Int, to out: inout [UInt8], _ rewriting: Rewriting) {
        guard ScalarClass.isIdeograph(v) else { out.append(contentsOf: utf8[i..<(i + length)]); return }
        let d = decodedOffset(ofCleanOffset: i)
        let sourceBytes = source.utf8
        let (written, n) = d < sourceBytes.count ? UTF8Bytes.decode(sourceBytes, at: d) : (v, 0)
        if rewriting.scalars && n > 0 && ScalarClass.isIdeograph(written) {
            out.append(contentsOf: sourceBytes[d..<(d + n)])
        } else {
            UTF8Bytes.append(v, to: &out)
        }
        // The glosses after this character (ordered by the character's offset).
        let glosses = rewriting.glosses
        var lo = 0, hi = glosses.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(glosses[mid].after) < d { lo = mid + 1 } else { hi = mid }
        }
        while lo < glosses.count && Int(glosses[lo].after) == d {
            out.append(contentsOf: sourceBytes[Int(glosses[lo].range.lowerBound)..<Int(glosses[lo].range.upperBound)])
            lo += 1
        }
    }

    /// Clean offsets of the first run of ideographs in `range` that equals `wanted` (other scalars between them are
    /// passed over).
    func ideographRun(_ wanted: [UInt32], in range: Range<Int>) -> [Int]? {
        var i = range.lowerBound, end = min(range.upperBound, utf8.count)
        while i < end && utf8[i] & 0xC0 == 0x80 { i += 1 }
        var positions: [Int] = [], values: [UInt32] = []
        while i < end {
            let (v, n) = UTF8Bytes.decode(utf8, at: i)
            if ScalarClass.isIdeograph(v) { positions.append(i); values.append(v) }
            i += n
        }
        end = values.count - wanted.count
        guard end >= 0 else { return nil }
        for j in 0...end where values[j] == wanted[0] && values[j..<(j + wanted.count)].elementsEqual(wanted) {
            return Array(positions[j..<(j + wanted.count)])
        }
        return nil
    }
}
