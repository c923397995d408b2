/// The words that send a sentence to the document and relation rules — 《 and 〔 (a cited title or 文号), the
/// issuance verbs of `Ontology/issuance_verbs.tsv`, and every word of `RelationExtractor`'s lists — as the tables
/// of the one byte scan of a sentence, `SentenceScanner`. Derived from the lists, so the prefilter cannot drift
/// from the rules it guards.
///
/// A word is tested by its last two scalars (its last one alone for a one-scalar word): a superset test, as a
/// prefilter should be; the rules then match whole words. Every cue scalar must be a three-byte UTF-8 scalar (CJK
/// text and punctuation), which the scan decodes in place.
struct SentenceCueWords: Sendable {
    /// Bit v is set for every BMP scalar v that ends some cue word.
    let lastScalars: [UInt64]
    /// (previous << 32 | last) of every cue word of two or more scalars, sorted; one-scalar words have previous 0.
    private let tails: [UInt64]
    /// Last scalars of one-scalar words (《 〔): a cue whatever precedes them.
    private let singles: [UInt32]

    init(words: [[Unicode.Scalar]]) {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var tails: Set<UInt64> = []
        var singles: Set<UInt32> = []
        for word in words {
            guard let last = word.last else { continue }
            precondition(last.value >= 0x800 && last.value < 0x10000 && (word.count < 2 || word[word.count - 2].value >= 0x800),
                         "a cue word's last two scalars must be three-byte UTF-8: \(String(String.UnicodeScalarView(word)))")
            bits[Int(last.value >> 6)] |= 1 << UInt64(last.value & 63)
            if word.count == 1 { singles.insert(last.value) } else { tails.insert(UInt64(word[word.count - 2].value) << 32 | UInt64(last.value)) }
        }
        lastScalars = bits
        self.tails = tails.sorted()
        self.singles = singles.sorted()
    }

    /// The cues of the extraction pipeline: brackets of citations, the issuance verbs, the relation words, the words
    /// of a delivered report.
    init(issuance: IssuanceVocabulary) {
        self.init(words: [scalars("《"), scalars("〔")] + Self.words(issuance: issuance))
    }

    /// The cue words of more than one scalar: the issuance verbs, the relation words, the words of a delivered report.
    static func words(issuance: IssuanceVocabulary) -> [[Unicode.Scalar]] {
        issuance.all.words + RelationExtractor.cueWords + IssuerExtractor.deliveredReportCues
    }

    /// True when some cue word can end with the BMP scalar `v` (the first test of the scan).
    @inline(__always)
    func mayEndCue(_ v: UInt32) -> Bool {
        v < 0x10000 && lastScalars[Int(v >> 6)] >> UInt64(v & 63) & 1 != 0
    }

    /// True when scalar `v` ends a cue word after `previous` (called only when `mayEndCue(v)`).
    @inline(__always)
    func endsCue(previous: UInt32, _ v: UInt32) -> Bool {
        for s in singles where s == v { return true }
        let key = UInt64(previous) << 32 | UInt64(v)
        var lo = 0, hi = tails.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if tails[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < tails.count && tails[lo] == key
    }
}
