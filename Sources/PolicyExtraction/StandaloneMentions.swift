/// Mentions in short standalone strings (titles, headlines, signature lines) of one file, remembered by text and
/// province: a document's title is read for its province, for its issuers and for the regions it applies to, and
/// is recognised once. One instance a file (an extraction run); not shared between threads.
final class StandaloneMentions {
    private struct Key: Hashable {
        let text: ByteKey
        let province: String?
    }

    let recognizer: EntityRecognizer
    private var known: [Key: [EntityMention]] = [:]

    init(recognizer: EntityRecognizer) { self.recognizer = recognizer }

    /// The recogniser's mentions in `text` (byte ranges relative to the string's UTF-8).
    func mentions(in text: String, contextProvince: String?) -> [EntityMention] {
        let key = Key(text: ByteKey(text), province: contextProvince)
        if let found = known[key] { return found }
        let bytes = Array(text.utf8)
        let found = recognizer.mentions(in: bytes, range: 0..<bytes.count, contextProvince: contextProvince)
        known[key] = found
        return found
    }
}
