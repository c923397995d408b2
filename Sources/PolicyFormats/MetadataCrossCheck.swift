import PolicyText

extension ExtractedSource {
    /// The page's metadata compared with the documents the text layer finds: a 发文字号, 标题 or 成文日期 that
    /// none of the segmented documents carries is reported with what the text says instead.
    public func metadataDisagreements(segments: [DocumentSegment]) -> [String] {
        var warnings: [String] = []
        func report(_ key: String, _ stated: String, _ found: [String]) {
            let said = found.isEmpty ? "the text states none" : "the text says " + found.map { "“\($0)”" }.joined(separator: ", ")
            warnings.append("metadata \(key) “\(stated)” disagrees with the text: \(said)")
        }
        if let number = metadata["发文字号"], !number.isEmpty {
            let found = segments.compactMap(\.docNumber?.text)
            if !found.contains(where: { HTMLMetadata.comparable($0) == HTMLMetadata.comparable(number) }) { report("发文字号", number, found) }
        }
        if let title = metadata["标题"], !title.isEmpty {
            let found = segments.compactMap(\.title)
            if !found.contains(where: { HTMLMetadata.comparable($0) == HTMLMetadata.comparable(title) }) { report("标题", title, found) }
        }
        if let date = metadata["成文日期"], let (y, m, d) = HTMLMetadata.isoDate(date) {
            let iso = String(y) + "-" + (m < 10 ? "0" : "") + String(m) + "-" + (d < 10 ? "0" : "") + String(d)
            let found = segments.compactMap(\.date)
            if !found.contains(iso) { report("成文日期", date, found) }
        }
        return warnings
    }
}
