/// Splits a file into the documents it holds, using the structure of Chinese official documents.
public func segmentDocuments(_ text: NormalizedText) -> [DocumentSegment] {
    recogniseDocuments(text).map(DocumentSegment.init)
}

/// The segmenter: finds document starts (titles, issuance headlines, markdown headings, TOC titles, news source
/// lines, TOC and preface headings), then reads each document's header and signature block.
struct DocumentSegmenter {
    struct Paragraph {
        let range: Range<Int>
    }

    /// Paragraph texts, built on first use (most paragraphs are rejected by their bytes and never need one).
    final class TextCache {
        var texts: [String?]
        init(count: Int) { texts = Array(repeating: nil, count: count) }
    }

    /// Longest paragraph (in bytes) whose text the segmenter looks at.
    static let textLimit = 1200
    /// Longest paragraph whose text `paragraphText` gives: only the header lines after a title (`headerText`) are
    /// read up to `textLimit`; every other test rejects longer paragraphs by their byte length or shape alone.
    static let storedTextLimit = 600

    /// The text of paragraph `k`, empty for paragraphs longer than `storedTextLimit` bytes (see `headerText`).
    func paragraphText(_ k: Int) -> String {
        if let t = cache.texts[k] { return t }
        let range = paragraphs[k].range
        let t = range.count <= Self.storedTextLimit ? text.text(range) : ""
        cache.texts[k] = t
        return t
    }

    /// The text of paragraph `k` as a 署名 line: the line itself, or the line without the jammer a forum glued to
    /// its edges (`ParagraphRoles.withoutEdgeJammer`); nil when it is no 署名 line.
    func signatureText(_ k: Int) -> String? {
        let t = paragraphText(k)
        if ParagraphRoles.isSignatureLine(t) { return t }
        // (Byte test first: only a line holding ASCII other than spaces can carry a jammer.)
        guard t.utf8.contains(where: { $0 < 0x80 && $0 != 0x20 }),
              let clean = ParagraphRoles.withoutEdgeJammer(Array(t.unicodeScalars)) else { return nil }
        let u = ParagraphRoles.withoutJammer(clean)
        return ParagraphRoles.isSignatureLine(u[...]) ? String(String.UnicodeScalarView(u)) : nil
    }

    /// The text of paragraph `k` read as a possible header line (文号, addressee): up to `textLimit` bytes.
    func headerText(_ k: Int) -> String {
        let count = paragraphs[k].range.count
        return count <= Self.storedTextLimit ? paragraphText(k) : count <= Self.textLimit ? text.text(paragraphs[k].range) : ""
    }

    /// The first `leadingTextBytes` bytes of paragraph `k` (cut at a scalar boundary): where a flattened line's
    /// header elements stand.
    func leadingText(_ k: Int) -> String {
        let range = paragraphs[k].range
        guard range.count > Self.leadingTextBytes else { return paragraphText(k) }
        var end = range.lowerBound + Self.leadingTextBytes
        while end > range.lowerBound, text.utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return text.text(range.lowerBound..<end)
    }
    static let leadingTextBytes = 480

    /// A document start found in the paragraph sequence.
    struct Start {
        var paragraph: Int
        /// Paragraphs the title occupies (title merged across hard breaks).
        var titleParagraphs: Range<Int>? = nil
        var title: String? = nil
        var headline: String? = nil
        var kind: DocumentKind
        var newsSource: String? = nil
        var newsDate: String? = nil
        var newsDateParagraph: Int? = nil
        /// A 文号 set above the title (the red-header layout).
        var docNumberParagraph: Int? = nil
        /// A 文号 written on the title line itself.
        var gluedDocNumber: DocumentNumber? = nil
        /// The issuers the document's head states where no body signs: the body an order's 发文机关标志 names ("某省人民
        /// 政府令"; a 令 is signed by the leader's title and name), the bodies an announcement's heading numbers
        /// ("某部 某总署公告2031年第4号（关于…）"; a page may print it without its 署名), the body a plan's cover
        /// prints under the title (an undated cover).
        var headerIssuer: String? = nil
        /// The page's metadata table for this document.
        var metadata: MetadataBlock? = nil
        /// A 成文日期 the recogniser read where the body reader does not look (a date run into page chrome).
        var statedDate: String? = nil
        /// The layout, when the recogniser that found the start decides it.
        var layout: OfficialDocument.Layout? = nil
    }

    let text: NormalizedText
    let paragraphs: [Paragraph]
    let cache: TextCache
    let tocTitles: HeadingKeySet
    /// Per paragraph: it may be part of a title and `mayHoldTitleWord` (a title needs 关于 or 印发).
    let titleWordParagraphs: [Bool]

    init(_ text: NormalizedText) {
        self.text = text
        // Structural lines are short: long body paragraphs are never read as text (see `paragraphText`).
        let paragraphs = text.paragraphRanges.map { Paragraph(range: $0) }
        self.paragraphs = paragraphs
        self.cache = TextCache(count: paragraphs.count)
        // (A title never takes a part longer than `titlePartLimit` bytes, nor one that ends with a sentence ender,
        // see `officialTitle(at:)`: the title ends with its last part and every earlier part is heading-shaped.
        // Such paragraphs cannot contribute a title word.)
        self.titleWordParagraphs = text.utf8.withUnsafeBufferPointer { b in
            paragraphs.map {
                $0.range.count <= Self.titlePartLimit && !ParagraphBytes.isSentenceEnder(ParagraphBytes.lastScalar(b, $0.range))
                    && Self.mayHoldTitleWord($0.range, in: b)
            }
        }
        self.tocTitles = HeadingKeySet(text.tableOfContents.map { Self.headingKey($0) }.filter { $0.unicodeScalars.count >= 4 })
    }

    /// Comparison key for headings: no spaces, no footnote markers (^, ①…⑳).
    static func headingKey(_ s: String) -> String {
        var s = s
        let key = s.withUTF8 { b -> String? in
            // Nothing to drop (no space, ^ or byte E2 that starts ①…⑳): the key is the string itself.
            guard b.contains(where: { $0 == 0x20 || $0 == 0x5E || $0 == 0xE2 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                let x = b[i]
                if x == 0x20 || x == 0x5E { i += 1; continue }
                // ①…⑳ are U+2460–2473: E2 91 A0 … E2 91 B3.
                if x == 0xE2, i + 2 < b.count, b[i + 1] == 0x91, b[i + 2] &- 0xA0 <= 0x13 { i += 3; continue }
                out.append(x); i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        return key ?? s
    }

    func documents() -> [OfficialDocument] {
        guard !paragraphs.isEmpty else { return [] }
        var starts = findStarts()
        for block in metadataBlocks() { attach(block, to: &starts) }
        if starts.isEmpty, let start = orderTitle() ?? inlineAttributesTitle() ?? gluedHeaderTitle() ?? gluedNumberAddressee() ?? numberedOpening() ?? flattenedCoverNotice()
            ?? interpretedDocumentTitle() ?? leadingGenreTitle() ?? downloadLinkTitle() ?? reportedDocumentTitle() {
            starts = [start]
        }
        if starts.first?.paragraph != 0 {
            // Material before the first document: a cover or preface if short, otherwise an untitled article.
            let leading = starts.first?.paragraph ?? paragraphs.count
            let bytes = paragraphs[leading - 1].range.upperBound
            let kind: DocumentKind = starts.isEmpty || bytes * 5 > text.utf8.count ? .article : .preface
            starts.insert(Start(paragraph: 0, kind: kind), at: 0)
        }
        var out: [OfficialDocument] = []
        var previous: OfficialDocument? = nil
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].paragraph : paragraphs.count
            let segment = build(start, end: end, previous: previous)
            out.append(segment)
            previous = segment
        }
        return out
    }

    // MARK: - Starts

    func findStarts() -> [Start] {
        text.utf8.withUnsafeBufferPointer { findStarts(in: $0) }
    }

    func findStarts(in b: UnsafeBufferPointer<UInt8>) -> [Start] {
        var starts: [Start] = []
        var i = 0
        var citedTitles = HeadingKeySet()
        // The first paragraphs after a title, where a cover notice's issuing sentence stands ("现将《A》和《B》印发给你们").
        var issuingSentenceBefore = 0
        // Titles that sentence names, read only after the cover's 署名 or 成文日期 closed it (GB/T 9704: the attached
        // text follows the cover's 署名 and date; a 署名 and date after the attached text are the cover's own).
        var issuedTitles = HeadingKeySet()
        var coverDated = false
        while i < paragraphs.count {
            // Structural lines are short; long paragraphs are body text (cheap byte-length guards first). The text is
            // built only for paragraphs whose bytes pass a recogniser's first test.
            var p: String { paragraphText(i) }
            let range = paragraphs[i].range
            let bytes = range.count
            if bytes > 600 { i += 1; continue }
            if bytes <= 24, let (first, _) = ParagraphBytes.firstNonSpaceScalar(b, range) {
                // (isTOCHeading needs 目, C or c first; isPrefaceHeading 前, 序, 卷, 编, 导 or 引.)
                if first == 0x76EE || first == 0x43 || first == 0x63, ParagraphRoles.isTOCHeading(p) {
                    starts.append(Start(paragraph: i, kind: .toc)); i += 1; continue
                }
                if bytes <= 16, [0x524D, 0x5E8F, 0x5377, 0x7F16, 0x5BFC, 0x5F15].contains(first), ParagraphRoles.isPrefaceHeading(p) {
                    starts.append(Start(paragraph: i, title: p, kind: .preface)); i += 1; continue
                }
            }
            if b[range.lowerBound] == 0x23, let heading = ParagraphRoles.markdownHeading(p),
               !LineShape.startsBlock(heading.unicodeScalars.map(\.value), 0, heading.unicodeScalars.count) {
                // "## 一、…" is a section of the current article, not a new document.
                let kind = titleKind(heading, fallback: .article)
                var start = Start(paragraph: i, titleParagraphs: i..<(i + 1), title: heading, kind: kind)
                start.layout = .markdown
                starts.append(start)
                i += 1; continue
            }
            if bytes <= 100, b[range.upperBound - 1] &- 0x30 < 10, ParagraphBytes.mayEndWithNumericDate(b, range),
               let (source, date) = ParagraphRoles.newsSourceWithDate(p), metadataFields(i).isEmpty {
                // A news item: the source line opens it; a short heading right before it is its headline.
                var start = Start(paragraph: i, kind: .news, newsSource: source, newsDate: date, newsDateParagraph: i)
                if i > 0, startsParagraphIsFree(i - 1, starts),
                   ParagraphRoles.isHeadingShaped(paragraphText(i - 1), maximumLength: 60),
                   ParagraphRoles.length(paragraphText(i - 1)) >= 8,
                   ParagraphRoles.attachment(paragraphText(i - 1)) == nil,
                   !paragraphText(i - 1).hasPrefix("http") {
                    start.paragraph = i - 1
                    start.titleParagraphs = (i - 1)..<i
                    start.title = paragraphText(i - 1)
                }
                starts.append(start)
                i += 1; continue
            }
            // (A metadata line naming the title — "文件名称 X关于…的通知" — is the table's, not a title line.)
            if let (line, parts) = officialTitle(at: i), !startsWithTitleLabel(i) {
                let title = line.title, headline = line.isHeadline
                let kind = DocumentKind.fromTitle(title) ?? (headline ? .news : .other)
                var start = Start(paragraph: i, titleParagraphs: i..<(i + parts), title: title, kind: kind)
                start.gluedDocNumber = line.docNumber
                // (An announcement's heading names its issuers in its number, its bracketed title none.)
                if let number = line.docNumber, number.isAnnouncement, !number.prefix.isEmpty, title.hasPrefix("关于") {
                    start.headerIssuer = Self.issuerList(number.prefix)
                }
                if headline {
                    start.headline = (i..<(i + parts)).map(paragraphText).joined()
                    start.layout = .newsDigest
                }
                if !headline, line.docNumber == nil, let (number, head) = docNumberAbove(title: i, after: starts.last) {
                    start.docNumberParagraph = number
                    start.paragraph = head
                }
                starts.append(start)
                citedTitles = Self.citedTitles(in: title)
                issuingSentenceBefore = i + parts + Self.issuingSentenceWindow
                issuedTitles = HeadingKeySet(); coverDated = false
                i += parts; continue
            }
            if bytes <= 240, let (title, parts) = reportTitle(at: i, in: b) {
                // A communiqué or report: title, the bodies that issue it, the date.
                var start = Start(paragraph: i, titleParagraphs: i..<(i + parts), title: title,
                                  kind: DocumentKind.fromTitle(title) ?? .report)
                start.layout = .report
                starts.append(start)
                i += parts; continue
            }
            // (The 文号 opens the excerpt, or follows the page's metadata lines — "发布时间：…", "发文部门：…" — or its
            // chrome: short lines that end no sentence.)
            if starts.isEmpty, bytes <= 160, Self.mayBeDocNumberLine(b, range),
               i < 4 || (i < 12 && (0..<i).allSatisfy { !metadataFields($0).isEmpty || isChromeLine($0) }), i + 1 < paragraphs.count,
               paragraphs[i + 1].range.count <= 600, DocumentNumber.parse(p) != nil,
               ParagraphRoles.isAddressee(paragraphText(i + 1)) {
                // An excerpt that starts at the 文号, the addressee below it: the title is missing.
                var start = Start(paragraph: i, kind: .notice)
                start.title = untitledCoverNotice(at: i + 1)
                start.docNumberParagraph = i
                start.layout = .coverExcerpt
                starts.append(start)
                i += 1; continue
            }
            if starts.isEmpty, i < 4, bytes <= 600, let cover = untitledCoverNotice(at: i) {
                // An excerpt that starts at the addressee of a cover notice: titled by what it issues.
                var start = Start(paragraph: i, title: cover, kind: .notice)
                start.layout = .coverExcerpt
                starts.append(start)
                citedTitles = HeadingKeySet([Self.headingKey(cover)])
                i += 1; continue
            }
            if !citedTitles.isEmpty, ParagraphBytes.isHeadingShaped(b, range, maximumLength: 80),
               citedTitles.contains(Self.headingKey(p)) {
                // The text of a plan or measures that the preceding notice issues ("关于印发《T》的通知" … T).
                starts.append(Start(paragraph: i, titleParagraphs: i..<(i + 1), title: p,
                                    kind: DocumentKind.fromTitle(p) ?? .other))
                citedTitles = HeadingKeySet()
                i += 1; continue
            }
            if coverDated, ParagraphBytes.isHeadingShaped(b, range, maximumLength: 80), issuedTitles.contains(Self.headingKey(p)) {
                // The text the cover's issuing sentence names, after the cover's date.
                starts.append(Start(paragraph: i, titleParagraphs: i..<(i + 1), title: p,
                                    kind: DocumentKind.fromTitle(p) ?? .other))
                citedTitles = HeadingKeySet(); issuedTitles = HeadingKeySet(); coverDated = false
                i += 1; continue
            }
            if !citedTitles.isEmpty || coverDated, i + 1 < paragraphs.count, ParagraphBytes.isHeadingShaped(b, range, maximumLength: 40),
               ParagraphBytes.isHeadingShaped(b, paragraphs[i + 1].range, maximumLength: 40),
               !Punctuation.wrappedTitleBreakers.contains(ParagraphBytes.lastScalar(b, range)),
               case let key = Self.headingKey(p + paragraphText(i + 1)),
               citedTitles.contains(key) || (coverDated && issuedTitles.contains(key)) {
                // The same, its title wrapped over two lines.
                let title = p.trimmingSpaces + paragraphText(i + 1).trimmingSpaces
                starts.append(Start(paragraph: i, titleParagraphs: i..<(i + 2), title: title,
                                    kind: DocumentKind.fromTitle(title) ?? .other))
                citedTitles = HeadingKeySet(); issuedTitles = HeadingKeySet(); coverDated = false
                i += 2; continue
            }
            if i < issuingSentenceBefore, Self.holdsIssuingWord(range, in: b),
               ByteSearch.firstIndex(of: Self.openingGuillemet, in: b, range.lowerBound, range.upperBound) != nil {
                // A cover notice's issuing sentence names what it issues or forwards ("现将X制定的《A》和《B》转发给
                //你们"): the texts of A and B may follow the cover's 署名 and date.
                issuedTitles.formUnion(Self.citedTitles(in: p))
            } else if !issuedTitles.isEmpty, !coverDated, bytes <= 120,
                      (ParagraphBytes.mayBeDate(b, range) && ChineseDate.parseWhole(p) != nil) || ParagraphRoles.isSignatureLine(p) {
                // The cover's 署名 or 成文日期 closes it.
                coverDated = true
            }
            if !tocTitles.isEmpty, ParagraphBytes.isHeadingShaped(b, range, maximumLength: 80),
               tocTitles.contains(Self.headingKey(p)) {
                starts.append(Start(paragraph: i, titleParagraphs: i..<(i + 1), title: Self.stripFootnote(p),
                                    kind: titleKind(p, fallback: .article)))
                i += 1; continue
            }
            i += 1
        }
        return starts
    }

    /// Paragraph `k` is a line of page chrome above a document: short, ending no sentence ("首页 > 政策文件", "打印 关闭").
    func isChromeLine(_ k: Int) -> Bool {
        let range = paragraphs[k].range
        return range.count <= 120 && text.utf8.withUnsafeBufferPointer { !ParagraphBytes.isSentenceEnder(ParagraphBytes.lastScalar($0, range)) }
    }

    /// A document flattened onto one line from its 文号 on, its title lost: the 文号, the addressee up to its colon,
    /// the body ("某发〔2031〕68号 各省、自治区、直辖市人民政府，某某各部委：为进一步…"). The excerpt is known by its 文号.
    ///
    ///     gluedNumberAddressee → docNumber sp* addressee ('：' | ':') body
    func gluedNumberAddressee() -> Start? {
        for k in 0..<min(paragraphs.count, Self.leadingTitleWindow) where paragraphs[k].range.count > 160 {
            guard (0..<k).allSatisfy(isChromeLine) else { return nil }
            let u = Array(leadingText(k).unicodeScalars)
            var lo = 0
            while lo < u.count, DocumentNumber.isSpace(u[lo]) { lo += 1 }
            guard let first = DocumentNumber.occurrences(in: u, from: lo, to: min(u.count, lo + 30)).first,
                  first.range.lowerBound == lo else { continue }
            var a = first.range.upperBound
            while a < u.count, DocumentNumber.isSpace(u[a]) { a += 1 }
            guard let colon = u[a..<min(u.count, a + 150)].firstIndex(where: { $0 == "：" || $0 == ":" }),
                  ParagraphRoles.isAddressee(DocumentNumber.string(u[a...colon])) else { continue }
            var start = Start(paragraph: k, kind: .notice)
            start.gluedDocNumber = first.number
            start.layout = .coverExcerpt
            return start
        }
        return nil
    }

    /// A 文号 line with a forum's anti-copy jammer run into it (`ParagraphRoles.withoutJammer`), nil when the line holds
    /// no jammer or is no 文号 without it.
    static func parseJammed(_ line: String) -> DocumentNumber? {
        let u = Array(line.unicodeScalars)
        let clean = ParagraphRoles.withoutJammer(u)
        guard clean.count < u.count else { return nil }
        return DocumentNumber.parse(String(String.UnicodeScalarView(clean)))
    }

    /// An excerpt a compilation or a journal prints from its 文号 and 成文日期 on, its title and addressee lost: the
    /// number and the date together (in either order, as a bracketed note or glued, after a journal's "<正>" mark),
    /// then a body that issues a 《title》 ("现将《X》印发给你们", "《X》已经…同意，现印发"). The excerpt is known by its
    /// 文号, dated by that date.
    ///
    ///     numberedOpening → '<正>'? '('? (date sp* docNumber | docNumber sp* date) ')'? body(… '《' title '》' … 印发 …)
    func numberedOpening() -> Start? {
        for k in 0..<min(paragraphs.count, Self.leadingTitleWindow) {
            guard (0..<k).allSatisfy(isChromeLine) else { return nil }
            let u = Array(leadingText(k).unicodeScalars)
            var i = 0
            func skipSpaces() { while i < u.count, DocumentNumber.isSpace(u[i]) { i += 1 } }
            skipSpaces()
            if u.count > i + 3, u[i] == "<", u[i + 1] == "正", u[i + 2] == ">" { i += 3; skipSpaces() }
            let bracketed = i < u.count && (u[i] == "(" || u[i] == "（")
            if bracketed { i += 1; skipSpaces() }
            var number: DocumentNumber? = nil, date: String? = nil
            func readNumber() {
                if let found = DocumentNumber.occurrences(in: u, from: i, to: min(u.count, i + 30)).first, found.range.lowerBound == i {
                    number = found.number; i = found.range.upperBound; skipSpaces()
                }
            }
            func readDate() {
                if let (end, iso) = ChineseDate.parse(u, at: i, to: min(u.count, i + 16)) { date = iso; i = end; skipSpaces() }
            }
            readDate()
            if date == nil { readNumber(); readDate() } else { readNumber() }
            guard let number, let date else { continue }
            if bracketed {
                guard i < u.count, u[i] == ")" || u[i] == "）" else { continue }
                i += 1
            }
            let body = u.count - i >= 20 ? Array(u[i...]) : (k + 1 < paragraphs.count ? Array(leadingText(k + 1).unicodeScalars) : [])
            guard Self.issuesCitedTitle(body.prefix(160)) else { continue }
            var start = Start(paragraph: k, kind: .notice)
            start.gluedDocNumber = number
            start.statedDate = date
            start.layout = .coverExcerpt
            return start
        }
        return nil
    }

    /// The opening of a cover notice's body: a 《title》 it issues ("现将《X》印发给你们", "《X》已经…同意，现印发").
    ///
    ///     issuingOpening → … '《' title '》' … ('印发' | '转发' | '发给你们') …
    static func issuesCitedTitle(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let open = s.firstIndex(of: "《"), let close = s[open...].firstIndex(of: "》"), close - open > 4 else { return false }
        let text = String(String.UnicodeScalarView(s))
        return text.contains("印发") || text.contains("转发") || text.contains("发给你们")
    }

    /// Paragraph `k` starts with a metadata label (文件名称, 标题, 内容概述 …) and is a row of a metadata table.
    func startsWithTitleLabel(_ k: Int) -> Bool {
        metadataFields(k).first.map { $0.range.lowerBound > paragraphs[k].range.lowerBound } ?? false
    }

    /// Paragraphs at the top of a text searched for `leadingGenreTitle`.
    static let leadingTitleWindow = 8

    /// A text in which no official title, headline or metadata table names a document, opened by a title that ends
    /// with a genre word and needs no 关于 (a statistics bulletin, a plan or a report reposted as a page): the first
    /// heading-shaped line above the body text that names a document kind, page chrome lines above it skipped. A
    /// page's year label after the title ("…统计公报 2022") is not part of it.
    ///
    ///     leadingTitle → chromeLine* titleLine(genre, no chrome punctuation) bodyText
    ///
    /// Below the first paragraphs (a page's navigation is long), the title is still the heading right above the
    /// page's publication line ("时间：2031-03-13 作者： 来源：", see `isPublicationLine`):
    ///
    ///     pageTitle → chromeLine* titleLine(genre, no chrome punctuation) publicationLine bodyText
    func leadingGenreTitle() -> Start? {
        for k in 0..<min(paragraphs.count - 1, Self.pageTitleWindow) {
            // (A body paragraph ends the search: a title stands above the text.)
            guard paragraphs[k].range.count <= 240 else { return nil }
            // (Below the first paragraphs only a line ending with a genre word is read further.)
            guard k < Self.leadingTitleWindow || paragraphs[k].range.count <= 180 else { continue }
            let title = Self.withoutYearLabel(paragraphText(k).trimmingSpaces)
            guard ParagraphRoles.isHeadingShaped(title, maximumLength: 60), ParagraphRoles.length(title) >= 6,
                  let kind = GenreWords.genre(ofTitle: title)?.kind,
                  !title.unicodeScalars.contains(where: { Self.isChromeScalar($0) || $0.properties.isWhitespace }),
                  !LineShape.startsBlock(title.unicodeScalars.prefix(8).map(\.value), 0, min(8, title.unicodeScalars.count)),
                  k < Self.leadingTitleWindow
                    || (paragraphs[k + 1].range.count <= 240 && Self.isPublicationLine(paragraphText(k + 1)))
            else { continue }
            var start = Start(paragraph: k, titleParagraphs: k..<(k + 1), title: title, kind: kind)
            start.layout = .titledText
            // A cover printed without its date: the title, the bodies that issue it alone on the next line, then
            // the text. A page's own heading above it (a site's wording of the same title) is chrome; the cover's
            // title is the document's.
            //     undatedCover → titleLine(genre) issuerLine(bodies) bodyText
            for j in k..<min(paragraphs.count - 2, k + Self.coverTitleLookahead) {
                guard paragraphs[j].range.count <= 240, paragraphs[j + 1].range.count <= 60 else { continue }
                let issuer = paragraphText(j + 1).trimmingSpaces
                let cover = j == k ? title : Self.withoutYearLabel(paragraphText(j).trimmingSpaces)
                guard ParagraphRoles.isSignatureLine(issuer),
                      ChineseDate.find(in: paragraphText(j + 2)) .map({ $0.scalarRange.lowerBound > 0 }) ?? true,
                      ParagraphRoles.isHeadingShaped(cover, maximumLength: 60), ParagraphRoles.length(cover) >= 6,
                      let coverKind = GenreWords.genre(ofTitle: cover)?.kind,
                      !cover.unicodeScalars.contains(where: Self.isChromeScalar) else { continue }
                start = Start(paragraph: j, titleParagraphs: j..<(j + 1), title: cover, kind: coverKind)
                start.layout = .titledText
                start.headerIssuer = issuer
                break
            }
            return start
        }
        return nil
    }
    /// Bodies listed with 、 written as a signature line writes them, spaced ("某部、某总局" → "某部 某总局").
    static func issuerList(_ prefix: String) -> String {
        prefix.contains("、") ? prefix.replacingOccurrences(of: "、", with: " ") : prefix
    }

    /// Lines from a page's title searched for a cover's title above its issuer line.
    static let coverTitleLookahead = 3

    /// An order (GB/T 9704 命令格式): the 发文机关标志 "X令" with its number ("第N号", on the line or the next), then
    /// the sentence publishing what it orders ("《Z》已经…通过，现予公布"). The document is Z, its 文号 the order's number,
    /// its issuer the order's body.
    ///
    ///     orderHeader → issuer '令' NL? ('（'? (digit{4} '年')? '第' digit+ '号' '）'?) NL publication('《' Z '》' … ('公布' | '发布'))
    func orderTitle() -> Start? {
        for k in 0..<min(paragraphs.count - 1, Self.leadingTitleWindow) where paragraphs[k].range.count <= 120 {
            let line = paragraphText(k).trimmingSpaces
            var number = DocumentNumber.parse(line)
            var next = k + 1
            if number == nil, line.hasSuffix("令"), ParagraphRoles.length(line) >= 4, paragraphs[k + 1].range.count <= 60 {
                number = DocumentNumber.parse(line + paragraphText(k + 1).trimmingSpaces.filter { $0 != "（" && $0 != "）" && $0 != "(" && $0 != ")" })
                next = k + 2
            }
            guard let number, number.isAnnouncement, number.category == "令", number.serial > 0 else { continue }
            for j in next..<min(paragraphs.count, next + 3) where paragraphs[j].range.count <= Self.storedTextLimit {
                let u = Array(paragraphText(j).unicodeScalars)
                guard let open = u.firstIndex(of: "《"), let close = u[open...].firstIndex(of: "》"),
                      u[close...].prefix(80).indices.contains(where: { i in
                          i + 1 < u.count && ((u[i] == "公" || u[i] == "发") && u[i + 1] == "布") }) else { continue }
                let title = DocumentNumber.string(u[(open + 1)..<close]).trimmingSpaces
                guard ParagraphRoles.length(title) >= 4, let genre = GenreWords.genre(ofTitle: title) else { continue }
                var start = Start(paragraph: k, kind: genre.kind ?? .other)
                start.title = title
                start.gluedDocNumber = number
                start.headerIssuer = number.prefix
                return start
            }
        }
        return nil
    }

    /// Paragraphs at the top of a page searched for `interpretedDocumentTitle`.
    static let interpretationWindow = 6

    /// A page that interprets or answers questions on one document (政策解读, 图解, 问答), headed by that document's
    /// title: the document it is about, known by its title (and by its 文号 where the page cites it, "《T》（X发〔2031〕4号）").
    /// The page's own heading is no document's title.
    ///
    ///     interpretationHeading → ('【' … '】')? ('关于' | interpretationWord)? '《' T '》' … interpretationWord …
    ///                           | ('【' … '】')? T(genre ('（' … '）')?) '的' … questionEnd
    ///                           | … interpretationWord sp* ('|' | '｜' | '丨' | '：' | ':') sp* T(strong genre ('（' … '）')?)
    ///     interpretationWord    → 解读 | 图解 | 读懂 | 问答 | 答记者问 | 起草说明 | 政策说明
    ///     questionEnd           → ('是什么' | '有哪些' | '有什么' | '如何' | '怎么') … ('？' | '?')
    func interpretedDocumentTitle() -> Start? {
        for k in 0..<min(paragraphs.count, Self.interpretationWindow) where paragraphs[k].range.count <= 360 {
            var heading = Array(paragraphText(k).trimmingSpaces.unicodeScalars)
            // (A page's section label before the heading: "【科技局】".)
            if heading.first == "【", let close = heading.firstIndex(of: "】") { heading.removeSubrange(...close) }
            guard heading.count >= 8, heading.count <= 100 else { continue }
            let line = String(String.UnicodeScalarView(heading))
            var title: String? = nil
            if let open = heading.firstIndex(of: "《"), let close = heading[open...].firstIndex(of: "》") {
                let rest = String(String.UnicodeScalarView(heading[..<open])) + String(String.UnicodeScalarView(heading[(close + 1)...]))
                if Self.interpretationWords.contains(where: { rest.contains($0) }) {
                    title = String(String.UnicodeScalarView(heading[(open + 1)..<close])).trimmingSpaces
                }
            } else if let bar = heading.prefix(8).firstIndex(where: { Self.labelSeparators.contains($0) }),
                      case let label = String(String.UnicodeScalarView(heading[..<bar])).trimmingSpaces,
                      Self.interpretationWords.contains(where: { label.hasSuffix($0) }) {
                // A column label before the title: "政策解读 | T", "图解｜T", "解读：T".
                let candidate = String(String.UnicodeScalarView(heading[(bar + 1)...])).trimmingSpaces
                if GenreWords.genre(ofTitle: candidate)?.isStrong == true { title = candidate }
            } else if heading.last == "？" || heading.last == "?", Self.questionWords.contains(where: { line.contains($0) }) {
                // The title is what stands before the 的 that opens the question, when a genre word ends it.
                var i = heading.count - 1
                while i > 0 {
                    if heading[i] == "的" {
                        let candidate = String(String.UnicodeScalarView(heading[..<i])).trimmingSpaces
                        if GenreWords.genre(ofTitle: candidate)?.isStrong == true { title = candidate; break }
                    }
                    i -= 1
                }
            }
            guard let title, ParagraphRoles.length(title) >= 6, let genre = GenreWords.genre(ofTitle: title) else { continue }
            var start = Start(paragraph: k, titleParagraphs: k..<(k + 1), title: title, kind: genre.kind ?? .other)
            start.layout = .reportedDocument
            start.gluedDocNumber = citedDocNumber(of: title, from: k)
            return start
        }
        return nil
    }
    static let interpretationWords = ["解读", "图解", "读懂", "问答", "答记者问", "起草说明", "政策说明"]
    /// Marks that close a page's column label before the heading it labels: | ｜ 丨 ： :.
    static let labelSeparators: Set<Unicode.Scalar> = ["|", "｜", "丨", "：", ":"]
    static let questionWords = ["是什么", "有哪些", "有什么", "如何", "怎么"]

    /// The 文号 a text writes right after the title it cites, from paragraph `k` on: "《T》（X发〔2031〕4号）".
    func citedDocNumber(of title: String, from k: Int) -> DocumentNumber? {
        let cited = Array(("《" + title + "》").unicodeScalars)
        for j in k..<min(paragraphs.count, k + 20) where paragraphs[j].range.count <= Self.storedTextLimit {
            let t = Array(paragraphText(j).unicodeScalars)
            guard t.count > cited.count else { continue }
            for i in 0...(t.count - cited.count) where t[i] == "《" && t[i..<(i + cited.count)].elementsEqual(cited) {
                let after = Array(t[(i + cited.count)...].prefix(40))
                guard let first = after.first, first == "（" || first == "(" else { continue }
                if let found = DocumentNumber.occurrences(in: after, from: 1, to: after.count).first, found.range.lowerBound == 1 {
                    return found.number
                }
            }
        }
        return nil
    }

    /// Paragraphs at the top of a page searched for a title above its publication line.
    static let pageTitleWindow = 40

    /// Labels of a page's publication line: when, by whom and from where the page was posted.
    static let publicationLabels = ["时间", "日期", "来源", "作者", "发布", "浏览", "点击", "阅读"].map { Array($0.unicodeScalars) }

    /// A page's publication line: a date and at least one more labelled field of the posting ("时间：2031-03-13
    /// 作者：某某 来源：某某网", "发布日期：2031年3月13日 来源：本站"), nothing else long.
    ///
    ///     publicationLine → (label ('：' | ':') value?){2,} with a date among the values
    static func isPublicationLine(_ line: String) -> Bool {
        let u = Array(line.unicodeScalars)
        guard u.count <= 80, ChineseDate.find(in: line) != nil else { return false }
        var labels = 0
        for i in u.indices where u[i] == "：" || u[i] == ":" {
            // (The label is the word before the colon, or starts it: "浏览次数：".)
            let before = u[max(0, i - 4)..<i]
            if publicationLabels.contains(where: { label in
                before.indices.contains { k in k + label.count <= i && u[k..<(k + label.count)].elementsEqual(label) }
            }) { labels += 1 }
        }
        return labels >= 2
    }

    /// A document flattened into one line from its header on: a list marker of the page, the 文号, the title, the
    /// addressee and the body run together ("1、某教函202011号某市教育局关于印发…的通知各县（市、区）教体局，…：现将…").
    /// The title ends where the addressee begins: the longest head of the line after the 文号 that is an official
    /// title ending with a genre word, followed by an addressee up to its colon. The 成文日期 is read where the title's
    /// first issuer signs inline ("… 某市教育局 2020年1月8日…").
    ///
    ///     gluedHeader → listMarker? docNumber? officialTitle(genre) addressee body (issuer sp? date)?
    func gluedHeaderTitle() -> Start? {
        for k in 0..<min(paragraphs.count, Self.leadingTitleWindow) {
            let range = paragraphs[k].range
            guard range.count >= 90 else { continue }
            var hi = min(range.upperBound, range.lowerBound + Self.gluedHeaderBytes)
            while hi < range.upperBound, text.utf8[hi] & 0xC0 == 0x80 { hi -= 1 }  // (at a scalar's start)
            let u = Array(text.text(range.lowerBound..<hi).unicodeScalars)
            var lo = 0
            // (A page's list marker: "1、", "1.".)
            var d = 0
            while d < u.count, d < 3, u[d].value &- 0x30 < 10 { d += 1 }
            if d > 0, d < u.count, u[d] == "、" || u[d] == "." { lo = d + 1 }
            while lo < u.count, u[lo] == " " { lo += 1 }
            var number: DocumentNumber? = nil
            if let first = DocumentNumber.occurrences(in: u, from: lo, to: min(u.count, lo + 30)).first, first.range.lowerBound == lo {
                number = first.number; lo = first.range.upperBound
            } else if let (end, found) = DocumentNumber.bracketless(u, at: lo) {
                number = found; lo = end
            }
            guard let colon = u[lo..<min(u.count, lo + 300)].firstIndex(where: { $0 == "：" || $0 == ":" }), colon - lo >= 12 else { continue }
            var j = colon - 2
            var found: (title: String, end: Int)? = nil
            // (The 文号 may stand after the title instead, spaced off before the addressee: "…的通知 X府发〔2031〕6号 各县…：".)
            if number == nil, let inner = DocumentNumber.occurrences(in: u, from: lo, to: colon).first(where: {
                $0.range.lowerBound > lo + 8 && DocumentNumber.isSpace(u[$0.range.lowerBound - 1]) }) {
                var a = inner.range.upperBound
                while a < colon, DocumentNumber.isSpace(u[a]) { a += 1 }
                var e = inner.range.lowerBound
                while e > lo, DocumentNumber.isSpace(u[e - 1]) { e -= 1 }
                if a < colon, ParagraphRoles.isAddressee(DocumentNumber.string(u[a...colon])),
                   GenreWords.genre(ofTitle: DocumentNumber.string(u[lo..<e])) != nil,
                   let (title, headline) = ParagraphRoles.officialTitle(scalars: Array(u[lo..<e])), !headline {
                    found = (title, e); number = inner.number
                }
            }
            while found == nil, j >= lo + 8 {
                let head = DocumentNumber.string(u[lo..<j])
                if GenreWords.genre(ofTitle: head) != nil, ParagraphRoles.isAddressee(DocumentNumber.string(u[j...colon])),
                   let (title, headline) = ParagraphRoles.officialTitle(scalars: Array(u[lo..<j])), !headline {
                    found = (title, j); break
                }
                j -= 1
            }
            guard let (title, _) = found else { continue }
            var start = Start(paragraph: k, kind: DocumentKind.fromTitle(title) ?? .notice)
            start.title = title
            start.gluedDocNumber = number
            // The inline 署名 and 成文日期: the title's first body name (before 关于), a space or none, a date.
            if let about = ParagraphRoles.firstIndex(of: ParagraphRoles.guanYuScalars, in: Array(title.unicodeScalars), 0, title.unicodeScalars.count),
               about >= 2 {
                let signer = Array(title.unicodeScalars.prefix(about))
                var i = colon
                while i + signer.count < u.count {
                    if u[i] == signer[0], u[i..<(i + signer.count)].elementsEqual(signer) {
                        var e = i + signer.count
                        while e < u.count, u[e] == " " { e += 1 }
                        if let (_, iso) = ChineseDate.parse(u, at: e, to: min(u.count, e + 16)) { start.statedDate = iso; break }
                    }
                    i += 1
                }
            }
            return start
        }
        return nil
    }

    /// Bytes of a flattened line read for its header.
    static let gluedHeaderBytes = 6_000

    /// Fewest labelled fields that make a line's inline attributes.
    static let inlineAttributeMinimum = 3

    /// A page a law database flattened into one line: the title, then the article's attributes as bracketed labels,
    /// then the text ("某某关于…的通知文章属性•【制定机关】…•【公布日期】…•【字号】…正文…"). The title starts the
    /// document; the attributes are its metadata table.
    ///
    ///     inlineAttributes → officialTitle '文章属性'? ('•'? '【' label '】' value){3,}
    func inlineAttributesTitle() -> Start? {
        for k in 0..<min(paragraphs.count, Self.leadingTitleWindow) {
            let range = paragraphs[k].range
            guard range.count >= 30, range.count <= 40_000 else { continue }
            let line = text.text(range)
            let u = Array(line.unicodeScalars)
            guard let open = u.prefix(400).firstIndex(of: "【"), open >= 4 else { continue }
            var hi = open
            while hi > 0, DocumentLabels.isLabelLead(u[hi - 1]) { hi -= 1 }
            let attributeWord = Array("文章属性".unicodeScalars)
            if hi >= attributeWord.count, u[(hi - attributeWord.count)..<hi].elementsEqual(attributeWord) { hi -= attributeWord.count }
            guard let title = ParagraphRoles.officialTitle(DocumentNumber.string(u[..<hi])), !title.isHeadline else { continue }
            let fields = DocumentLabels.fields(in: Array(u[(open - (u[open - 1] == "•" ? 1 : 0))...]))
            guard Set(fields.map(\.label)).count >= Self.inlineAttributeMinimum else { continue }
            // Clean byte offsets of the scalar indices (the fields are counted from `base`).
            let base = open - (u[open - 1] == "•" ? 1 : 0)
            var offsets = [Int](repeating: 0, count: u.count + 1)
            for (i, c) in u.enumerated() { offsets[i + 1] = offsets[i] + UTF8.width(c) }
            let located = fields.map { f in
                LocatedElement(element: f.element, label: f.label,
                               text: DocumentNumber.string(u[(base + f.value.lowerBound)..<(base + f.value.upperBound)]).trimmingSpaces,
                               range: (range.lowerBound + offsets[base + f.value.lowerBound])..<(range.lowerBound + offsets[base + f.value.upperBound]))
            }
            var start = Start(paragraph: k, kind: DocumentKind.fromTitle(title.title) ?? .notice)
            start.title = title.title
            start.metadata = MetadataBlock(paragraphs: k..<(k + 1), fields: located)
            start.layout = .webPage
            return start
        }
        return nil
    }

    /// Labels of a page's download link for the document's own file ("公告下载链接：", "附件下载：").
    static let downloadLabels = ["下载链接", "附件下载", "文件下载", "全文下载"]
    /// File extensions after a title in a download link.
    static let fileExtensions = [".docx", ".doc", ".pdf", ".wps", ".ofd"]
    private static let downloadLabelBytes = downloadLabels.map { Array($0.utf8) }
    private static let fileExtensionBytes = fileExtensions.map { Array($0.utf8) }

    /// A page whose text gives no title (the body only, often flattened to one line) but links the document's file
    /// for download, named by its title ("…下载链接：某某关于…的公告.doc"): that file name, when it is an official title.
    ///
    ///     downloadLink → downloadLabel ('：' | ':')? officialTitle fileExtension
    func downloadLinkTitle() -> Start? {
        guard text.utf8.count <= 200_000 else { return nil }
        // Labels and extensions are searched in the bytes; text is built only for a link that is there.
        let links: [(label: Int, name: Range<Int>)] = text.utf8.withUnsafeBufferPointer { b in
            Self.downloadLabelBytes.compactMap { label in
                guard let at = ByteSearch.firstIndex(of: label, in: b, 0, b.count) else { return nil }
                var rest = at + label.count
                while true {
                    if rest < b.count, b[rest] == UInt8(ascii: ":") || b[rest] == UInt8(ascii: " ") { rest += 1 }
                    else if rest + 3 <= b.count, b[rest] == 0xEF, b[rest + 1] == 0xBC, b[rest + 2] == 0x9A { rest += 3 }  // ：
                    else { break }
                }
                guard let end = Self.fileExtensionBytes.compactMap({ ByteSearch.firstIndex(of: $0, in: b, rest, b.count) }).min()
                else { return nil }
                return (at, rest..<end)
            }
        }
        for link in links {
            let name = text.text(link.name).trimmingSpaces
            guard ParagraphRoles.length(name) <= 130, let line = ParagraphRoles.officialTitle(name), !line.isHeadline else { continue }
            var start = Start(paragraph: 0, kind: DocumentKind.fromTitle(line.title) ?? .notice)
            start.title = line.title
            start.layout = .webPage
            // The 成文日期 run into the link's label ("…税务总局2031年4月3日公告下载链接"): a date ending at most four
            // scalars before the label.
            let before = Array(text.text(max(0, link.label - 200)..<link.label).unicodeScalars.suffix(40))
            if let last = ChineseDate.all(in: before, from: 0, to: before.count).last, before.count - last.range.upperBound <= 4 {
                start.statedDate = last.iso
            }
            return start
        }
        return nil
    }

    /// A title without a page's year label after it ("…统计公报 2022", spaces dropped by the normaliser:
    /// "…统计公报2022" → "…统计公报"): four digits of a year right after a genre word.
    static func withoutYearLabel(_ s: String) -> String {
        let u = Array(s.unicodeScalars)
        var i = u.count
        while i > 0, u[i - 1].value &- 0x30 < 10 { i -= 1 }
        guard u.count - i == 4, i > 0, let year = Int(DocumentNumber.string(u[i...])), (1949...2100).contains(year) else { return s }
        let rest = DocumentNumber.string(u[..<i]).trimmingSpaces
        guard let genre = GenreWords.genre(ofTitle: rest), rest.hasSuffix(genre.word) else { return s }
        return rest
    }

    /// Most lines a report or cover page's title is wrapped over.
    static let reportTitleLines = 3

    /// The report layout of communiqués and reports (公报, 报告 …) and of a plan's cover page (规划纲要): a title —
    /// one line, or wrapped over up to three lines with no punctuation ending a line — ending with a genre word, an
    /// optional bracketed note of its adoption, a line of the bodies that issue it, a line holding only the date.
    ///
    ///     report → titleLine{1,3}(genre, no 关于 needed) ('（' note '）')? signatureLine dateLine
    ///
    /// Returns the title and the number of lines it takes.
    func reportTitle(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> (title: String, lines: Int)? {
        for parts in 1...Self.reportTitleLines {
            let after = i + parts
            guard after + 1 < paragraphs.count,
                  ParagraphBytes.isHeadingShaped(b, paragraphs[after - 1].range, maximumLength: 60) else { return nil }
            if parts > 1 {
                // (A wrapped line ends with no punctuation; the title starts no block: "一、…" is a heading.)
                let previous = paragraphs[after - 2].range
                guard !Punctuation.wrappedTitleBreakers.contains(ParagraphBytes.lastScalar(b, previous)) else { return nil }
            }
            var signature = after
            if paragraphs[signature].range.count <= 240, Self.isBracketedNote(b, paragraphs[signature].range) { signature += 1 }
            guard signature + 1 < paragraphs.count, paragraphs[signature].range.count <= 160,
                  paragraphs[signature + 1].range.count <= 60,
                  ParagraphBytes.mayBeDate(b, paragraphs[signature + 1].range) else { continue }
            let lines = (i..<after).map { paragraphText($0).trimmingSpaces }
            // (Each wrapped line is words of the title, mostly ideographs: not an index number or a code above it.)
            if parts > 1, !lines.allSatisfy(Self.isMostlyIdeographs) { continue }
            let joined = lines.joined()
            let title = Self.stripFootnote(Self.stripBracketedFootnotes(joined))
            guard ParagraphRoles.length(title) >= 6, ParagraphRoles.length(title) <= 80, GenreWords.genre(ofTitle: title)?.kind != nil,
                  !LineShape.startsBlock(title.unicodeScalars.prefix(8).map(\.value), 0, min(8, title.unicodeScalars.count)),
                  ParagraphRoles.isSignatureLine(paragraphText(signature)),
                  ChineseDate.parseWhole(paragraphText(signature + 1)) != nil else { continue }
            return (title, parts)
        }
        return nil
    }

    /// At least half the scalars of `line` are ideographs.
    static func isMostlyIdeographs(_ line: String) -> Bool {
        var ideographs = 0, count = 0
        for u in line.unicodeScalars { count += 1; if ScalarClass.isIdeograph(u.value) { ideographs += 1 } }
        return count > 0 && ideographs * 2 >= count
    }

    /// A line wholly in brackets: a title's note ("（2031年1月3日在某市第五届人民代表大会第三次会议通过）").
    static func isBracketedNote(_ line: String) -> Bool {
        let t = line.trimmingSpaces
        guard let first = t.unicodeScalars.first, let last = t.unicodeScalars.last else { return false }
        return (first == "（" || first == "(") && (last == "）" || last == ")") && t.unicodeScalars.count >= 6
    }

    /// `isBracketedNote` on the clean bytes `range` (no text built).
    static func isBracketedNote(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let (first, _) = ParagraphBytes.firstNonSpaceScalar(b, range), first == 0xFF08 || first == 0x28 else { return false }
        var hi = range.upperBound
        while hi > range.lowerBound, b[hi - 1] == 0x20 { hi -= 1 }
        let last = ParagraphBytes.lastScalar(b, range.lowerBound..<hi)
        return (last == 0xFF09 || last == 0x29) && ParagraphBytes.scalarCount(b, range) >= 6
    }

    /// The closing formula of GB/T 9704 正文 with the 署名 and 成文日期 run on after it in one paragraph, as a flattened
    /// page prints them: "…特此公告。 某某海关 二〇三一年六月二日 |" → (date, "某某海关"). Only the paragraph's tail
    /// is read; table bars and spaces after the date are page furniture.
    ///
    ///     gluedClosing → … closingFormula ('。' | '！')? sp* (issuer:han{2,40} sp*)? date (sp | '|' | '｜')*
    ///     (no space before the date only when it is written in Arabic digits)
    static func closingFormulaDate(_ paragraph: String) -> (date: String, issuer: String?)? {
        let s = Array(paragraph.unicodeScalars)
        let tail = max(0, s.count - 80)
        var found: Int? = nil
        for formula in closingFormulas {
            var i = s.count - formula.count
            while i >= tail {
                if s[i..<(i + formula.count)].elementsEqual(formula) { if found.map({ i + formula.count > $0 }) ?? true { found = i + formula.count }; break }
                i -= 1
            }
        }
        guard var i = found else { return nil }
        if i < s.count, s[i] == "。" || s[i] == "！" || s[i] == "!" { i += 1 }
        var hi = s.count
        while hi > i, DocumentNumber.isSpace(s[hi - 1]) || s[hi - 1] == "|" || s[hi - 1] == "｜" { hi -= 1 }
        while i < hi, DocumentNumber.isSpace(s[i]) { i += 1 }
        guard hi > i else { return nil }
        let rest = String(String.UnicodeScalarView(s[i..<hi]))
        if let d = ChineseDate.parseWhole(rest) { return (d, nil) }
        // 署名 before the date, separated by a space — or by nothing, where the normaliser dropped the space between
        // the name and a date in Arabic digits ("特此通告。某某支队2031年1月20日").
        guard let space = s[i..<hi].lastIndex(where: { DocumentNumber.isSpace($0) }) else {
            guard let digit = s[i..<hi].firstIndex(where: { ScalarClass.isASCIIDigit($0.value) }), digit - i >= 2, digit - i <= 40,
                  s[i..<digit].allSatisfy({ ScalarClass.isIdeograph($0.value) }),
                  let d = ChineseDate.parseWhole(String(String.UnicodeScalarView(s[digit..<hi]))) else { return nil }
            return (d, String(String.UnicodeScalarView(s[i..<digit])))
        }
        guard space - i >= 2, space - i <= 40,
              s[i..<space].allSatisfy({ ScalarClass.isIdeograph($0.value) || DocumentNumber.isSpace($0) }),
              let d = ChineseDate.parseWhole(String(String.UnicodeScalarView(s[(space + 1)..<hi]))) else { return nil }
        return (d, String(String.UnicodeScalarView(s[i..<space])).trimmingSpaces)
    }
    /// Bytes of a flattened cover notice read for its issuing sentence.
    static let issuingSentenceBytes = 1200

    /// The 成文日期 of a cover notice flattened onto one line: a whole date right after the sentence that hands the
    /// document over ("现将《X》印发给你们，请认真贯彻执行。"), standing alone (a space or the line's end after it) or
    /// followed by the title of what that sentence issues (the normaliser may drop the spaces around it); nil when no
    /// date stands there.
    ///
    ///     issuingSentenceDate → … ('《' X '》')? … '给你们' (not '。')* '。' sp* date (sp | end | X)
    static func issuingSentenceDate(_ s: [Unicode.Scalar]) -> String? {
        var i = 0
        while i + 2 < s.count, !(s[i] == "给" && s[i + 1] == "你" && s[i + 2] == "们") { i += 1 }
        guard i + 2 < s.count, let stop = s[i...].prefix(80).firstIndex(of: "。") else { return nil }
        // (The title the sentence issues: its last 《…》 before 给你们.)
        var issued: ArraySlice<Unicode.Scalar> = []
        if let close = s[max(0, i - 120)..<i].lastIndex(of: "》"), let open = s[max(0, i - 120)..<close].lastIndex(of: "《") {
            issued = s[(open + 1)..<close]
        }
        var d = stop + 1
        while d < s.count, DocumentNumber.isSpace(s[d]) { d += 1 }
        guard let (dateEnd, iso) = ChineseDate.parse(s, at: d, to: min(s.count, d + 16)), iso.count == 10 else { return nil }
        var after = dateEnd
        if after == s.count || DocumentNumber.isSpace(s[after]) { return iso }
        while after < s.count, DocumentNumber.isSpace(s[after]) { after += 1 }
        guard issued.count >= 4, s.count - after >= issued.count, s[after..<(after + issued.count)].elementsEqual(issued) else { return nil }
        return iso
    }

    /// Paragraphs at a segment's end searched by `closingFormulaDate`.
    static let closingParagraphs = 4

    /// A cheap test before `closingFormulaDate`: 特此 (E7 89 B9 E6 AD A4) or 此复 (E6 AD A4 E5 A4 8D) among the
    /// paragraph's last 240 bytes.
    static func mayCloseBody(_ range: Range<Int>, in text: NormalizedText) -> Bool {
        text.utf8.withUnsafeBufferPointer { b in
            var i = max(range.lowerBound + 3, range.upperBound - 240)
            while i + 2 < range.upperBound {
                if b[i] == 0xE6, b[i + 1] == 0xAD, b[i + 2] == 0xA4 {
                    if b[i - 3] == 0xE7, b[i - 2] == 0x89, b[i - 1] == 0xB9 { return true }
                    if i + 5 < range.upperBound, b[i + 3] == 0xE5, b[i + 4] == 0xA4, b[i + 5] == 0x8D { return true }
                }
                i += 1
            }
            return false
        }
    }
    /// The formulas that close a GB/T 9704 body ("特此通知", "此复").
    static let closingFormulas: [[Unicode.Scalar]] = ["特此公告", "特此通告", "特此通知", "特此批复", "特此函告", "特此函复", "特此报告",
                                                      "此复", "特此决定"].map { Array($0.unicodeScalars) }

    /// The note of adoption or revision a rule, plan or Party proposal prints under its title: the date and the
    /// meeting that adopted (通过), revised (修订, 修正) or approved (批准) it, in brackets or not
    /// ("（2031年3月2日某市第五届人民政府第8次常务会议通过）", "2031年5月6日某某自治州第十届人民代表大会常务委员会第二次主任会议修订").
    /// A date whose 年 and 月 were lost keeps its 日 ("2031826日…修订": the one valid reading). The date is the
    /// document's when no 署名 dates it.
    ///
    ///     adoptionNote → ('（' | '(')? (date | digit{6,8} '日') ('在' | '经')? meeting… '会议' … ('审议')? adoptionVerb
    ///                    (sp | '，' | '；') clause…)? ('）' | ')')?
    ///     adoptionVerb → '通过' | '修订' | '修正' | '批准'
    static func adoptionNote(_ line: String) -> String? {
        let u = Array(line.unicodeScalars)
        var lo = 0, hi = u.count
        DocumentNumber.trim(u, &lo, &hi)
        if lo < hi, u[lo] == "（" || u[lo] == "(" { lo += 1 }
        if hi > lo, u[hi - 1] == "）" || u[hi - 1] == ")" { hi -= 1 }
        guard hi - lo >= 12, hi - lo <= 160 else { return nil }
        let iso: String, end: Int
        if let (e, d) = ChineseDate.parse(u, at: lo, to: min(hi, lo + 16)) {
            (end, iso) = (e, d)
        } else {
            var d = lo
            while d < hi, d - lo < 8, u[d].value &- 0x30 < 10 { d += 1 }
            guard d < hi, u[d] == "日", let lost = lostGlyphDate(DocumentNumber.string(u[lo..<d]), notAfter: "9999-12-31") else { return nil }
            (end, iso) = (d + 1, lost)
        }
        // The meeting, then the verb: at the note's end, or before the clauses that follow the adoption ("…通过
        // 2031年1月10日某市人民政府令第5号公布 自2031年3月1日起施行").
        let rest = Array(u[end..<hi])
        guard let meeting = ParagraphRoles.firstIndex(of: meetingWord, in: rest, 0, rest.count),
              let verb = (meeting..<rest.count).first(where: { k in adoptionVerbs.contains { k + 2 <= rest.count && rest[k..<(k + 2)].elementsEqual($0) } }),
              verb + 2 == rest.count || " ，,；".unicodeScalars.contains(rest[verb + 2]) || rest[verb + 2].value &- 0x30 < 10
        else { return nil }
        return iso
    }
    static let adoptionVerbs: [[Unicode.Scalar]] = ["通过", "修订", "修正", "批准"].map { Array($0.unicodeScalars) }
    static let meetingWord = Array("会议".unicodeScalars)

    /// Paragraph `k` holds 会议 (E4 BC 9A E8 AE AE).
    func holdsMeetingWord(_ k: Int) -> Bool {
        let range = paragraphs[k].range
        return range.count <= 300 && text.utf8.withUnsafeBufferPointer {
            ByteSearch.firstIndex(of: Self.meetingBytes, in: $0, range.lowerBound, range.upperBound) != nil
        }
    }
    static let meetingBytes: [UInt8] = Array("会议".utf8)

    /// Paragraphs after a title read for its adoption notes (page chrome — publication line, font size — may stand
    /// between them and the title).
    static let adoptionNoteWindow = 12

    /// The latest date of the adoption notes under a title, from `first` on: a note may be wrapped over two lines;
    /// the search ends at the body (a long paragraph, a numbered heading).
    func adoptionDate(from first: Int, end: Int) -> (iso: String, range: Range<Int>)? {
        var found: (iso: String, range: Range<Int>)? = nil
        var k = first
        while k < min(end, first + Self.adoptionNoteWindow) {
            let range = paragraphs[k].range
            guard range.count <= 300 else { break }
            // (A note names its meeting, 会议, on its line or on the wrapped line after it: other lines are not read.)
            guard holdsMeetingWord(k) || (k + 1 < end && holdsMeetingWord(k + 1)) else { k += 1; continue }
            let p = paragraphText(k)
            // (The body begins with a numbered heading — 第一章, 一、, （一）, 1. —; chrome lines such as 来源 pass.)
            let head = p.trimmingSpaces.unicodeScalars.prefix(8).map(\.value)
            if let first = head.first, first == 0x7B2C || first == 0xFF08 || first == 0x28 || ScalarClass.isASCIIDigit(first)
                || ChineseNumerals.value(of: first) != nil, LineShape.startsBlock(head, 0, head.count) { break }
            var note = Self.adoptionNote(p)
            var upper = range.upperBound
            if note == nil, k + 1 < end, paragraphs[k + 1].range.count <= 200 {
                // (Wrapped: the date and the meeting on one line, the rest of the meeting and the verb on the next.)
                note = Self.adoptionNote(p.trimmingSpaces + paragraphText(k + 1).trimmingSpaces)
                if note != nil { upper = paragraphs[k + 1].range.upperBound; k += 1 }
            }
            if let note, found.map({ note > $0.iso }) ?? true { found = (note, range.lowerBound..<upper) }
            k += 1
        }
        return found
    }

    /// The occasion line of a speech or work report under its title: a dash, the date it was delivered, where
    /// ("——2031年2月2日在某市第五届人民代表大会第三次会议上", wrapped or not). The date is the report's 成文日期.
    ///
    ///     occasionLine → ('——' | '—' | '－－') date '在' place…
    static func occasionDate(_ line: String) -> String? {
        let u = Array(line.trimmingSpaces.unicodeScalars)
        var lo = 0
        while lo < u.count, lo < 2, u[lo] == "—" || u[lo] == "－" || u[lo] == "-" { lo += 1 }
        guard lo > 0, let (end, iso) = ChineseDate.parse(u, at: lo, to: min(u.count, lo + 16)),
              end < u.count, u[end] == "在" else { return nil }
        return iso
    }

    /// A title without its footnote markers "[1]", "[2]" at the end.
    static func stripBracketedFootnotes(_ s: String) -> String {
        var u = Array(s.unicodeScalars)
        while u.count >= 3, u.last == "]", let open = u.lastIndex(of: "["), open > 0,
              u[(open + 1)..<(u.count - 1)].allSatisfy({ $0.value &- 0x30 < 10 }), open + 1 < u.count - 1 {
            u.removeSubrange(open...)
        }
        return DocumentNumber.string(u)
    }

    /// A cover notice whose excerpt starts at its addressee ("各乡镇人民政府，市直各部门：") followed by the sentence
    /// that issues what it covers ("现将《T》印发给你们", "《T》已经…同意，现予印发"): T.
    ///
    ///     untitledCover → addresseeLine issuingSentence('《' T '》' … (印发 | 发布 | 转发))
    ///
    /// Flattened text glues the addressee and the sentence on one line ("各区人民政府，市政府各部门：《T》已经…，现印发…"):
    ///
    ///     untitledCover → addressee ('：' | ':') issuingSentence    (one line)
    func untitledCoverNotice(at i: Int) -> String? {
        guard i + 1 < paragraphs.count, paragraphs[i].range.count <= 600, paragraphs[i + 1].range.count <= 600 else { return nil }
        var addressee = paragraphText(i)
        var sentence = paragraphText(i + 1)
        if !(addressee.hasSuffix("：") || addressee.hasSuffix(":")),
           let colon = addressee.firstIndex(where: { $0 == "：" || $0 == ":" }), addressee[colon...].contains("《") {
            sentence = String(addressee[addressee.index(after: colon)...])
            addressee = String(addressee[...colon])
        }
        guard addressee.hasSuffix("：") || addressee.hasSuffix(":"), ParagraphRoles.isAddressee(addressee) else { return nil }
        return Self.issuedTitle(in: sentence)
    }

    /// Most 《》 titles read in a text for `reportedDocumentTitle`.
    static let reportedTitlesRead = 64

    /// A text with no title of its own that reports on a document it cites: a title in 《》 ending with a strong genre
    /// word, referred back to later in the text by a shorter 《S》 that ends the title — its genre word or the short
    /// name the text defines ("《某省数字经济行动计划（2031—2033年）》（以下简称《行动计划》）出炉 … 《行动计划》提出").
    /// A title cited once, or followed only by other documents' titles, is a citation, not the subject.
    ///
    ///     reportedDocument → … '《' T(strong genre) '》' … '《' S '》' …    where T (without its bracketed note) ends with S
    func reportedDocumentTitle() -> Start? {
        var titles: [(title: String, paragraph: Int)] = []
        text.utf8.withUnsafeBufferPointer { b in
            for (p, paragraph) in paragraphs.enumerated() where titles.count < Self.reportedTitlesRead {
                var k = paragraph.range.lowerBound
                let end = paragraph.range.upperBound
                while titles.count < Self.reportedTitlesRead, let open = ByteSearch.firstIndex(of: Self.openingGuillemet, in: b, k, end) {
                    guard let close = ByteSearch.firstIndex(of: Self.closingGuillemet, in: b, open + 3, min(end, open + 300)) else {
                        k = open + 3; continue
                    }
                    titles.append((String(decoding: UnsafeBufferPointer(rebasing: b[(open + 3)..<close]), as: UTF8.self), p))
                    k = close + 3
                }
            }
        }
        for (index, cited) in titles.enumerated() {
            guard let genre = GenreWords.genre(ofTitle: cited.title), genre.isStrong, genre.kind != nil,
                  ParagraphRoles.length(cited.title) >= 8 else { continue }
            let stem = Self.withoutBracketedNote(cited.title)
            let referredBack = titles[(index + 1)...].contains { later in
                later.title.count < stem.count && later.title.count >= 2 && stem.hasSuffix(later.title)
                    && GenreWords.genre(ofTitle: later.title) != nil
            }
            guard referredBack else { continue }
            var start = Start(paragraph: 0, titleParagraphs: cited.paragraph..<(cited.paragraph + 1), title: cited.title,
                              kind: genre.kind ?? .other)
            start.layout = .reportedDocument
            return start
        }
        return nil
    }

    /// A title without the bracketed note after its genre word ("…行动计划（2031—2033年）" → "…行动计划").
    static func withoutBracketedNote(_ title: String) -> String {
        var t = title.trimmingSpaces
        while t.hasSuffix("）") || t.hasSuffix(")"), let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }), open > t.startIndex {
            t = String(t[..<open])
        }
        return t
    }

    /// Scalars of a flattened first line read for an addressee and the sentence that issues a document.
    static let flattenedCoverScalars = 400

    /// A cover notice flattened with what it issues into one long first line, the excerpt starting at its addressee
    /// (no title, no signer): the addressee, a colon, and the issuing sentence of `untitledCoverNotice`, then the
    /// issued text run on ("各省人民政府，国务院各部委：现将《T》印发给你们，请认真贯彻执行。为…，制定本规划。…").
    ///
    ///     flattenedCover → addressee ('：' | ':') issuingSentence('《' T '》' … (印发 | 发布 | 转发)) '。' text…
    func flattenedCoverNotice() -> Start? {
        guard let first = paragraphs.first, first.range.count > Self.storedTextLimit else { return nil }
        var hi = min(first.range.upperBound, first.range.lowerBound + Self.flattenedCoverScalars * 3)
        while hi < first.range.upperBound, text.utf8[hi] & 0xC0 == 0x80 { hi -= 1 }  // (at a scalar's start)
        let head = text.text(first.range.lowerBound..<hi)
        guard let colon = head.firstIndex(where: { $0 == "：" || $0 == ":" }),
              head.distance(from: head.startIndex, to: colon) <= 120 else { return nil }
        let addressee = String(head[...colon])
        guard ParagraphRoles.isAddressee(addressee) else { return nil }
        let rest = head[head.index(after: colon)...]
        guard let stop = rest.firstIndex(where: { $0 == "。" }) else { return nil }
        guard let title = Self.issuedTitle(in: String(rest[..<stop])) else { return nil }
        var start = Start(paragraph: 0, title: title, kind: .notice)
        start.layout = .coverExcerpt
        return start
    }

    /// The title a cover notice's issuing sentence issues: "现将《T》印发给你们", "《T》已经…同意，现予印发" → T, when
    /// T ends with a genre word.
    static func issuedTitle(in sentence: String) -> String? {
        guard let open = sentence.firstRange(of: "《"), let close = sentence[open.upperBound...].firstRange(of: "》"),
              ["印发", "发布", "转发"].contains(where: { sentence[close.upperBound...].contains($0) }) else { return nil }
        let title = String(sentence[open.upperBound..<close.lowerBound]).trimmingSpaces
        return ParagraphRoles.length(title) >= 4 && GenreWords.genre(ofTitle: title) != nil ? title : nil
    }

    /// A header line stating the 文号 and the date together, in brackets or not, in either order:
    /// "（惠市委发〔2030〕5号2030年2月11日）", "国办发〔2031〕3号 2031年1月5日", and the date first as law databases
    /// print it under the title: "2031年3月2日 某政发[2031]7号".
    ///
    ///     numberWithDate → '（'? (docNumber sp date | date sp docNumber) '）'?
    static func numberWithDate(_ line: String) -> (DocumentNumber, (iso: String, range: Range<Int>))? {
        var u = Array(line.unicodeScalars)
        var lo = 0, hi = u.count
        DocumentNumber.trim(u, &lo, &hi)
        if hi - lo >= 2, (u[lo] == "（" && u[hi - 1] == "）") || (u[lo] == "(" && u[hi - 1] == ")") { lo += 1; hi -= 1 }
        guard hi - lo >= 10, hi - lo <= 60 else { return nil }
        u = Array(u[lo..<hi])
        if let (dateEnd, iso) = ChineseDate.parse(u, at: 0, to: u.count), dateEnd < u.count, u[dateEnd] == " " || u[dateEnd] == "\u{3000}" || u[dateEnd] == "\t",
           let number = DocumentNumber.parse(DocumentNumber.string(u[dateEnd...])) {
            return (number, (iso, 0..<0))
        }
        guard let first = DocumentNumber.occurrences(in: u, from: 0, to: u.count).first, first.range.lowerBound == 0 else { return nil }
        let rest = DocumentNumber.string(u[first.range.upperBound...])
        guard let iso = ChineseDate.parseWhole(rest) else { return nil }
        return (first.number, (iso, 0..<0))
    }

    /// A line under the title stating the date and then the issuing bodies, as law databases print them:
    ///
    ///     dateThenIssuers → date (',' | '，' | ' ') signatureLine
    static func dateThenIssuers(_ line: String) -> (date: String, issuers: String)? {
        let u = Array(line.unicodeScalars)
        guard let (end, iso) = ChineseDate.parse(u, at: 0, to: u.count), end < u.count,
              u[end] == "，" || u[end] == "," || u[end] == " " else { return nil }
        var lo = end + 1, hi = u.count
        while lo < hi, u[lo] == " " { lo += 1 }
        while hi > lo, u[hi - 1] == " " { hi -= 1 }
        guard hi > lo, ParagraphRoles.isSignatureLine(u[lo..<hi]) else { return nil }
        return (iso, DocumentNumber.string(u[lo..<hi]))
    }

    /// The bracketed note under a title that states who issued it and when, as gazettes and law databases print
    /// rules and statements: "（某市国有资产监督管理委员会 2031年10月6日）", "（二〇三一年五月十五日 国务院）".
    /// A note of adoption ("…常务会议通过") names a meeting, not a signer, and is no such note.
    ///
    ///     titleNote → ('（' | '(') (signatureLine sp date | date sp signatureLine) ('）' | ')')
    static func titleNote(_ line: String) -> (date: String, issuers: String)? {
        var u = Array(line.unicodeScalars)
        var lo = 0, hi = u.count
        while lo < hi, u[lo] == " " { lo += 1 }
        while hi > lo, u[hi - 1] == " " { hi -= 1 }
        guard hi - lo >= 8, (u[lo] == "（" && u[hi - 1] == "）") || (u[lo] == "(" && u[hi - 1] == ")") else { return nil }
        u = Array(u[(lo + 1)..<(hi - 1)])
        if let found = dateThenIssuers(String(String.UnicodeScalarView(u))) { return found }
        // signatureLine sp? date: the date is what follows the bodies (the space may be gone in the clean text).
        for j in u.indices where j >= 2 && (u[j].value &- 0x30 < 10 || ChineseDate.isChineseDigit(u[j].value)) {
            guard let iso = ChineseDate.parseWhole(String(String.UnicodeScalarView(u[j...]))) else { continue }
            var e = j
            while e > 0, u[e - 1] == " " || u[e - 1] == "\u{3000}" { e -= 1 }
            guard e > 0, ParagraphRoles.isSignatureLine(u[..<e]) else { return nil }
            return (iso, DocumentNumber.string(u[..<e]))
        }
        return nil
    }

    /// The note under a rule's title as law databases and gazettes print it: the day it was published and the order
    /// that published it, then what followed ("（2031年4月1日某某部令第32号公布 自2031年7月1日起施行）",
    /// "(2030年5月6日某省人民政府令第168号发布 根据…修正)"). The order's body is the rule's issuer, its number the 文号.
    ///
    ///     regulationNote → ('（' | '(') date issuer:han{2,30} '令' (digit{4} '年')? '第' digit+ '号' ('公布' | '发布') …
    static func regulationNote(_ line: String) -> (date: String, number: DocumentNumber, issuer: String)? {
        let u = Array(line.unicodeScalars)
        var lo = 0
        while lo < u.count, DocumentNumber.isSpace(u[lo]) { lo += 1 }
        guard lo < u.count, u[lo] == "（" || u[lo] == "(", u.count - lo <= 200,
              let (dateEnd, iso) = ChineseDate.parse(u, at: lo + 1, to: min(u.count, lo + 20)) else { return nil }
        var i = dateEnd
        while i < u.count, DocumentNumber.isSpace(u[i]) { i += 1 }
        let issuerStart = i
        while i < u.count, i - issuerStart <= 30, u[i] != "令", ScalarClass.isIdeograph(u[i].value) { i += 1 }
        guard i < u.count, u[i] == "令", i - issuerStart >= 2 else { return nil }
        var h = i + 1
        while h < u.count, h - i <= 12, !DocumentNumber.isHao(u[h]) { h += 1 }
        guard h < u.count, DocumentNumber.isHao(u[h]) else { return nil }
        var after = h + 1
        while after < u.count, DocumentNumber.isSpace(u[after]) { after += 1 }
        guard after + 2 <= u.count, (u[after] == "公" && u[after + 1] == "布") || (u[after] == "发" && u[after + 1] == "布"),
              let number = DocumentNumber.parse(DocumentNumber.string(u[issuerStart...h])), number.isAnnouncement else { return nil }
        return (iso, number, DocumentNumber.string(u[issuerStart..<i]))
    }

    /// Paragraphs at the top of a page searched for its publication line.
    static let publicationLineWindow = 12

    /// The date of the page's publication line ("发布日期：2031-05-07", "• 发布时间：…") among its first paragraphs.
    func pagePublicationDate() -> String? {
        for k in 0..<min(paragraphs.count, Self.publicationLineWindow) {
            for field in metadataFields(k) where field.element == .publicationDate {
                if let (iso, _) = ChineseDate.find(in: field.text) { return iso }
            }
        }
        return nil
    }

    /// The 文号 a metadata value holds: the whole value, else a 文号 it starts with.
    static func leadingDocNumber(_ value: String) -> DocumentNumber? {
        if let number = DocumentNumber.parse(value) { return number }
        let u = Array(value.unicodeScalars)
        guard let first = DocumentNumber.occurrences(in: u, from: 0, to: u.count).first, first.range.lowerBound == 0 else { return nil }
        return first.number
    }

    /// A line of 6–8 digits that is a date whose 年, 月 and 日 were lost ("2031128" = 2031-1-28 or 2031-12-8): the one
    /// reading that is a valid date not after `notAfter` (the page's publication date), nil when none or several.
    static func lostGlyphDate(_ line: String, notAfter: String) -> String? {
        if let spaced = spacedLostGlyphDate(line), spaced <= notAfter { return spaced }
        let digits = Array(line.trimmingSpaces.utf8)
        guard (6...8).contains(digits.count), digits.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
        let v = digits.map { Int($0 - 0x30) }
        let year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3]
        guard (1949...2100).contains(year) else { return nil }
        let rest = Array(v[4...])
        var readings: [String] = []
        for monthLength in 1...2 where monthLength < rest.count && rest.count - monthLength <= 2 {
            let month = rest[..<monthLength].reduce(0) { $0 * 10 + $1 }
            let day = rest[monthLength...].reduce(0) { $0 * 10 + $1 }
            guard (1...12).contains(month), (1...31).contains(day), rest[monthLength] != 0 || rest.count - monthLength == 2 else { continue }
            let iso = ChineseDate.iso(year, month, day)
            if iso <= notAfter { readings.append(iso) }
        }
        return readings.count == 1 ? readings[0] : nil
    }

    /// A date whose 年, 月 and 日 became spaces in conversion, perhaps after a stray symbol for a lost glyph
    /// ("{ 2031 6 23", "2031 11 5"): year, month and day read unambiguously from the groups.
    ///
    ///     spacedLostGlyphDate → asciiSymbol? ' '* digit{4} ' '+ digit{1,2} ' '+ digit{1,2}
    static func spacedLostGlyphDate(_ line: String) -> String? {
        var u = Array(line.trimmingSpaces.utf8)
        if let first = u.first, first < 0x80, first != 0x20, !(first &- 0x30 < 10), !((first | 0x20) &- 0x61 < 26) { u.removeFirst() }
        let groups = u.split(separator: 0x20)
        guard groups.count == 3, groups[0].count == 4, (1...2).contains(groups[1].count), (1...2).contains(groups[2].count),
              groups.allSatisfy({ $0.allSatisfy { $0 &- 0x30 < 10 } }) else { return nil }
        let number = { (g: ArraySlice<UInt8>) in g.reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let (year, month, day) = (number(groups[0]), number(groups[1]), number(groups[2]))
        guard (1949...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return ChineseDate.iso(year, month, day)
    }

    /// A date line written in digits and separators only ("2024-03-01", "2024/3/1"): how a web page prints its
    /// publication date. GB/T 9704-2012 (7.3.5.3) writes the 成文日期 with 年, 月 and 日, so such a line right under a
    /// title, with the publisher's name above it, is page chrome when a dated 署名 follows the body.
    ///
    ///     pageDateLine → digit{4} ('-' | '/' | '.') digit{1,2} ('-' | '/' | '.') digit{1,2}
    static func isNumericDateLine(_ line: String) -> Bool {
        let u = line.trimmingSpaces.unicodeScalars
        return !u.isEmpty && u.allSatisfy { $0.value &- 0x30 < 10 || $0 == "-" || $0 == "/" || $0 == "." }
    }

    /// Most header lines ("签发人：…", rules) allowed between a 文号 set above the title and the title.
    static let headerLinesAboveTitle = 2

    /// The red-header layout: issuing bodies ("…文件"), then the 文号, then the title. Returns the 文号 paragraph
    /// standing right above the title at `title` (only header lines between) and the first paragraph of the header
    /// (the masthead lines above the 文号, if any), never reaching into the previous start.
    func docNumberAbove(title: Int, after previous: Start?) -> (number: Int, head: Int)? {
        let floor = previous.map { max($0.paragraph, ($0.titleParagraphs?.upperBound ?? $0.paragraph + 1) - 1) + 1 } ?? 0
        var j = title - 1
        var between = 0
        while j >= floor, between < Self.headerLinesAboveTitle, ParagraphRoles.isHeaderLine(paragraphText(j)) {
            j -= 1; between += 1
        }
        guard j >= floor, paragraphs[j].range.count <= 160, DocumentNumber.parse(paragraphText(j)) != nil else { return nil }
        let number = j
        // Masthead: issuer lines and the "…文件" line right above the 文号 belong to the document too.
        var head = number
        var sawMasthead = false
        var k = number - 1
        while k >= floor, head - k <= 6 {
            let p = paragraphText(k)
            if ParagraphRoles.isMastheadLine(p) {
                sawMasthead = true
            } else if sawMasthead, let element = OfficialElements.element(of: p, header: true),
                      [.copyNumber, .secrecy, .urgency].contains(element.element) {
                // 份号, 密级, 紧急程度 above the 发文机关标志.
            } else if !ParagraphRoles.isSignatureLine(p) {
                break
            }
            k -= 1
            if sawMasthead { head = k + 1 }
        }
        return (number, head)
    }

    /// True when paragraph `k` is not already part of the last start's title.
    func startsParagraphIsFree(_ k: Int, _ starts: [Start]) -> Bool {
        guard let last = starts.last else { return true }
        if let t = last.titleParagraphs { return !t.contains(k) && last.paragraph != k }
        return last.paragraph != k
    }

    /// Official kind only for titles that are official ("关于…的通知"); otherwise `fallback`.
    func titleKind(_ title: String, fallback: DocumentKind) -> DocumentKind {
        let official = ParagraphRoles.containsBytes(title, ParagraphRoles.guanYu) || ParagraphRoles.containsBytes(title, ParagraphRoles.yinFa)
        if official, let kind = DocumentKind.fromTitle(title) { return kind }
        return fallback
    }

    /// A title at paragraph `i`, possibly continued over the next one to three short paragraphs (hard breaks in a
    /// centred title). Returns the title, whether it is an issuance headline, and the paragraph count.
    /// The longest button line tested (a row of four or five buttons).
    static let widgetLineBytes = 60

    func officialTitle(at i: Int) -> (ParagraphRoles.TitleLine, Int)? {
        // Every title holds 关于 or 印发 (see `ParagraphRoles.officialTitle`): when none of the paragraphs a title
        // here could span holds one (or half of one at its edge), there is none.
        guard titleWordParagraphs[i..<min(i + 4, paragraphs.count)].contains(true) else { return nil }
        return text.utf8.withUnsafeBufferPointer { officialTitle(at: i, in: $0) }
    }

    /// `officialTitle(at:)` after its first test. The parts are tested on their bytes; the combined String is built
    /// only when its bytes pass the first tests of `ParagraphRoles.officialTitle` (heading-shaped, 关于 or 印发 inside).
    private func officialTitle(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> (ParagraphRoles.TitleLine, Int)? {
        // The combination so far: its parts (with a space before them or not) and byte-level summary.
        var parts: [(paragraph: Int, spaced: Bool)] = []
        var combinedBytes = 0, combinedScalars = 0
        var holdsTitleWord = false
        var lastScalar: UInt32 = 0
        for count in 1...4 {
            let k = i + count - 1
            guard k < paragraphs.count else { return nil }
            let range = paragraphs[k].range
            guard range.count <= Self.titlePartLimit else { return nil }
            // A title is heading-shaped: once a part holds 。 or ；, no longer combination can be one.
            if ParagraphBytes.containsFullStopOrSemicolon(b, range) { return nil }
            // (A 文号 ends with 号 (E5 8F B7) within 120 bytes; a date starts with a digit within 80 bytes.)
            if range.count <= 160, Self.mayBeDocNumberLine(b, range), DocumentNumber.parse(paragraphText(k)) != nil { return nil }
            if range.count <= 80, ParagraphBytes.mayBeDate(b, range), ChineseDate.parseWhole(paragraphText(k)) != nil { return nil }
            // A rule or "签发人" line of the red header does not begin a title, nor does a page's button line ("分享").
            if count == 1 && ParagraphBytes.mayBeHeaderLine(b, range) && ParagraphRoles.isHeaderLine(paragraphText(k)) { return nil }
            if count == 1, range.count <= Self.widgetLineBytes, PageFurniture.isWidgetLine(Array(paragraphText(k).unicodeScalars)) { return nil }
            if count == 2 {
                // A multi-line title does not start with a number (table rows, list items).
                if ScalarClass.isASCIIDigit(UInt32(b[paragraphs[i].range.lowerBound])) { return nil }
            }
            var spaced = false
            if count > 1 {
                // Only short, unfinished lines continue a title.
                let previous = paragraphs[k - 1].range
                // (A title wrapped in the middle of its genre word may leave one character on the last line: "决" / "定".)
                let lastCharacter = range.count <= 4 && ParagraphBytes.scalarCount(b, range) == 1
                    && ScalarClass.isIdeograph(ParagraphBytes.lastScalar(b, range))
                guard ParagraphBytes.isHeadingShaped(b, previous, maximumLength: 60),
                      ParagraphBytes.isHeadingShaped(b, range, maximumLength: 80) || lastCharacter
                        || (ParagraphBytes.lastScalar(b, range) == 0x300B && paragraphText(k).hasSuffix("》")) else { return nil }
                // (separatesIssuers needs a space in the previous line.)
                spaced = ParagraphBytes.contains(b, previous, 0x20)
                    && Self.separatesIssuers(previous: paragraphText(k - 1), next: paragraphText(k))
            }
            if spaced { combinedBytes += 1; combinedScalars += 1 }
            if !holdsTitleWord {
                let first = ParagraphBytes.scalar(b, at: range.lowerBound).value
                holdsTitleWord = ParagraphBytes.containsTitleWord(b, range) || Self.holdsForwardingWord(range, in: b)
                    || count > 1 && !spaced && (lastScalar == 0x5173 && first == 0x4E8E || lastScalar == 0x5370 && first == 0x53D1)
            }
            combinedBytes += range.count
            combinedScalars += ParagraphBytes.scalarCount(b, range)
            lastScalar = ParagraphBytes.lastScalar(b, range)
            parts.append((k, spaced))
            if holdsTitleWord && combinedBytes <= 160 * 4 && combinedScalars >= 2 && combinedScalars <= 160
                && !ParagraphBytes.isSentenceEnder(lastScalar) {
                var combined = ""
                for part in parts {
                    if part.spaced { combined += " " }
                    combined += paragraphText(part.paragraph)
                }
                if let line = ParagraphRoles.officialTitle(combined) {
                    // A title split over lines must end where the genre word ends, not in the middle; the lines
                    // above the one holding 关于/印发 must be the title's own issuers.
                    if count > 1, !Self.titlePartsJoin(parts.map { (paragraphText($0.paragraph), $0.spaced) }) { return nil }
                    return (line, count)
                }
            }
            if combinedBytes > 160, combinedScalars > 160 { return nil }
        }
        return nil
    }

    /// A cheap first test for a whole-line 文号 (`DocumentNumber.parse`): the line holds a digit and ends with 号/號,
    /// a closing bracket, or a digit (a conversion that lost 〕 and 号).
    static func mayBeDocNumberLine(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let last = ParagraphBytes.lastScalar(b, range)
        guard last == 0x53F7 || last == 0x865F || last == 0x29 || last == 0xFF09 || last == 0x5D || last == 0x3011
                || ScalarClass.isASCIIDigit(last) else { return false }
        return b[range].contains { $0 &- 0x30 < 10 }
    }

    /// Whether lines make one title: the lines before the one holding 关于/印发 (a word split over two lines
    /// belongs to the later) are the title's issuers — no page chrome (":", "»", "|", "/", "【】" …) — and that line
    /// starts with the word or continues a spaced issuer list. Otherwise the lines above are a 发文机关标志, a site
    /// section or navigation ("您的位置: 首页 » …", "政府信息公开"), and the title starts lower.
    ///
    ///     wrappedTitle → issuerLine* titleLine titleLine*    (titleLine holding the word starts with it)
    static func titlePartsJoin(_ parts: [(text: String, spaced: Bool)]) -> Bool {
        var holder: Int? = nil
        var startsWithWord = false
        for (k, part) in parts.enumerated() {
            let p = part.text
            if ParagraphRoles.containsBytes(p, ParagraphRoles.guanYu) || ParagraphRoles.containsBytes(p, ParagraphRoles.yinFa)
                || p.hasPrefix("转发") {
                holder = k
                startsWithWord = p.hasPrefix("关于") || p.hasPrefix("印发") || p.hasPrefix("联合印发") || p.hasPrefix("转发")
                break
            }
            if k + 1 < parts.count,
               (p.hasSuffix("关") && parts[k + 1].text.hasPrefix("于")) || (p.hasSuffix("印") && parts[k + 1].text.hasPrefix("发")) {
                holder = k + 1
                startsWithWord = true
                break
            }
        }
        guard let holder else { return false }
        if holder == 0 { return true }
        // A 附注 "（此件公开发布）" ends the document above; it starts no title.
        if parts[..<holder].contains(where: { $0.text.hasPrefix("(") || $0.text.hasPrefix("（") }) { return false }
        // A line ending with a genre word is a title of its own (the attached rules a page prints above the notice
        // that issues them), not the notice's issuers.
        if parts[..<holder].contains(where: { GenreWords.genre(ofTitle: $0.text)?.kind != nil }) { return false }
        // (A line ending in a whole body name above a line that starts with its own issuers is a 发文机关标志; a
        // line of bodies cut in the middle of a name continues into the next.)
        let above = parts[holder - 1].text
        let tokens = above.split(separator: " ")
        let cutIssuerList = tokens.count > 1 && ParagraphRoles.isSignatureLine(String(tokens[0]))
            && !ParagraphRoles.isSignatureLine(String(tokens[tokens.count - 1]))
        guard startsWithWord || parts[holder].spaced || cutIssuerList else { return false }
        return parts[..<holder].allSatisfy { !$0.text.unicodeScalars.contains(where: isChromeScalar) }
    }

    /// Punctuation of page chrome that no issuer line holds: : ： » | ｜ > / 【 】 [ ].
    static func isChromeScalar(_ s: Unicode.Scalar) -> Bool {
        switch s { case ":", "：", "»", "|", "｜", ">", "/", "【", "】", "[", "]": return true; default: return false }
    }

    /// Longest paragraph (in bytes) that can be part of a title.
    static let titlePartLimit = 400

    /// True when the clean bytes `range` contain 关于 or 印发, end with 关 or 印, or start with 于 or 发: only such
    /// paragraphs can put 关于 or 印发 into a title combined from consecutive paragraphs.
    static func mayHoldTitleWord(_ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        // 关 E5 85 B3, 于 E4 BA 8E, 印 E5 8D B0, 发 E5 8F 91.
        @inline(__always) func at(_ i: Int, _ x: UInt8, _ y: UInt8, _ z: UInt8) -> Bool {
            b[i] == x && b[i + 1] == y && b[i + 2] == z
        }
        guard range.count >= 3 else { return false }
        let first = range.lowerBound, last = range.upperBound - 3
        if at(first, 0xE4, 0xBA, 0x8E) || at(first, 0xE5, 0x8F, 0x91) { return true }
        if at(last, 0xE5, 0x85, 0xB3) || at(last, 0xE5, 0x8D, 0xB0) { return true }
        // A forwarding notice's title (`ParagraphRoles.forwardingTitle`): a line starting with 转发 (E8 BD AC) or
        // one ending with 通知 (E9 80 9A E7 9F A5) that holds 转发.
        if at(first, 0xE8, 0xBD, 0xAC) { return true }
        if range.count >= 12, at(last, 0xE7, 0x9F, 0xA5), at(last - 3, 0xE9, 0x80, 0x9A),
           holdsForwardingWord(range, in: b) { return true }
        return ParagraphBytes.containsTitleWord(b, range)
    }

    /// The clean bytes `range` hold 转发 or 印发 (E5 8D B0 E5 8F 91).
    static func holdsIssuingWord(_ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        holdsForwardingWord(range, in: b) || ByteSearch.firstIndex(of: issuingWord, in: b, range.lowerBound, range.upperBound) != nil
    }
    static let issuingWord: [UInt8] = [0xE5, 0x8D, 0xB0, 0xE5, 0x8F, 0x91]
    /// Paragraphs after a title read for a cover notice's issuing sentence (文号, addressee, the sentence, a wrap).
    static let issuingSentenceWindow = 6
    /// 《 (E3 80 8A) and 》 (E3 80 8B).
    static let openingGuillemet: [UInt8] = [0xE3, 0x80, 0x8A]
    static let closingGuillemet: [UInt8] = [0xE3, 0x80, 0x8B]

    /// The clean bytes `range` hold 转发 (E8 BD AC E5 8F 91).
    static func holdsForwardingWord(_ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteSearch.firstIndex(of: forwardingWord, in: b, range.lowerBound, range.upperBound) != nil
    }
    static let forwardingWord: [UInt8] = [0xE8, 0xBD, 0xAC, 0xE5, 0x8F, 0x91]

    /// A line break inside a title's issuer list ("…发展改革委" / "工业和信息化部 …") stands for a space: the line
    /// before lists issuers separated by spaces and ends with a body name, the next line starts another body.
    static func separatesIssuers(previous: String, next: String) -> Bool {
        guard previous.utf8.contains(0x20), !next.hasPrefix("关于"), !next.hasPrefix("印发"), !next.hasPrefix("联合"),
              let lastToken = previous.split(separator: " ").last else { return false }
        return ParagraphRoles.isSignatureLine(String(lastToken))
    }


    /// Titles cited in 《》 inside a title ("关于印发《T》的通知" → T).
    static func citedTitles(in title: String) -> HeadingKeySet {
        var out = HeadingKeySet()
        var depth = 0
        var current: [UInt8] = []
        var title = title
        title.withUTF8 { b in
            var i = 0
            while i < b.count {
                let n = UTF8Bytes.scalarLength(lead: b[i])
                let end = min(i + n, b.count)
                // 《 E3 80 8A, 》 E3 80 8B.
                let bracket: UInt8? = n == 3 && end == i + 3 && b[i] == 0xE3 && b[i + 1] == 0x80 ? b[i + 2] : nil
                if bracket == 0x8A {
                    if depth == 0 { current.removeAll(keepingCapacity: true) } else { current.append(contentsOf: b[i..<end]) }
                    depth += 1
                } else if bracket == 0x8B {
                    depth -= 1
                    if depth == 0 {
                        out.insert(headingKey(String(decoding: current, as: UTF8.self)))
                    } else if depth > 0 {
                        current.append(contentsOf: b[i..<end])
                    }
                } else if depth > 0 {
                    current.append(contentsOf: b[i..<end])
                }
                i = end
            }
        }
        if out.isEmpty, DocumentKind.fromTitle(title) != nil { out.insert(headingKey(title)) }
        return out
    }

    static func stripFootnote(_ s: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s.unicodeScalars.lazy.filter { $0 != "^" && !(0x2460...0x2473).contains($0.value) })
        return String(view).trimmingSpaces
    }

    // MARK: - Other GB/T 9704 elements

    /// The 版头 elements above the title (份号, 密级, 紧急程度, 发文机关标志, 签发人) and the 附注 and 版记 lines
    /// (抄送机关, 印发机关和印发日期) of the document `start..<end`.
    func elements(_ start: Start, bodyStart: Int, end: Int) -> [LocatedElement] {
        var out: [LocatedElement] = []
        let titleStart = start.titleParagraphs?.lowerBound ?? start.paragraph
        for k in start.paragraph..<end where paragraphs[k].range.count <= 300 && !(titleStart..<bodyStart).contains(k) {
            let first = text.utf8.withUnsafeBufferPointer { b -> UInt32 in
                ParagraphBytes.firstNonSpaceScalar(b, paragraphs[k].range)?.0 ?? 0
            }
            let last = text.utf8.withUnsafeBufferPointer { ParagraphBytes.lastScalar($0, paragraphs[k].range) }
            // (Above the title any of them; below it only 抄送, 签发人, a bracketed 附注 and a line ending with 印发.)
            let header = k < titleStart
            guard header ? Self.elementFirstScalars.contains(first) || last == 0x4EF6
                         : first == 0x6284 || first == 0x7B7E || first == 0xFF08 || first == 0x28 || last == 0x53D1 else { continue }
            if let element = OfficialElements.element(of: paragraphText(k), header: k < titleStart) {
                out.append(LocatedElement(element: element.element, label: element.label, text: element.text,
                                          range: paragraphs[k].range))
            }
        }
        return out
    }

    /// First scalars of the lines `OfficialElements.element` recognises by their start.
    static let elementFirstScalars: Set<UInt32> = OfficialElements.firstScalars

    // MARK: - Page metadata

    /// A metadata table a government page prints before the document: labelled fields (`DocumentLabels`), a label
    /// and its value on one line or the value on the next.
    struct MetadataBlock {
        var paragraphs: Range<Int>
        var fields: [LocatedElement]
        func value(_ element: DocumentElement) -> LocatedElement? {
            fields.first { $0.element == element && !$0.text.isEmpty }
        }
    }

    /// Fewest distinct labelled fields that make a metadata table.
    static let metadataFieldMinimum = 3

    /// The metadata tables of the text.
    func metadataBlocks() -> [MetadataBlock] {
        var blocks: [MetadataBlock] = []
        var current: MetadataBlock? = nil
        func close() {
            if let block = current, Set(block.fields.map(\.label)).count >= Self.metadataFieldMinimum { blocks.append(block) }
            current = nil
        }
        var k = 0
        while k < paragraphs.count {
            let fields = metadataFields(k)
            if fields.isEmpty { close(); k += 1; continue }
            var located: [LocatedElement] = []
            var consumed = k + 1
            for (n, f) in fields.enumerated() {
                var text = f.text, range = f.range
                // "• 发文字号:" with the value on the next line — a value of the label's kind: a date for a date label
                // (a 文号 line under an empty "成文日期:" is the body's, not the table's).
                if text.isEmpty, n == fields.count - 1, k + 1 < paragraphs.count, paragraphs[k + 1].range.count <= 300,
                   metadataFields(k + 1).isEmpty,
                   ![.date, .issueDate, .publicationDate].contains(f.element)
                    || ChineseDate.find(in: paragraphText(k + 1)) != nil {
                    text = paragraphText(k + 1).trimmingSpaces
                    range = paragraphs[k + 1].range
                    consumed = k + 2
                }
                located.append(LocatedElement(element: f.element, label: f.label, text: text, range: range))
            }
            if current == nil { current = MetadataBlock(paragraphs: k..<consumed, fields: []) }
            current!.fields += located
            current!.paragraphs = current!.paragraphs.lowerBound..<consumed
            k = consumed
        }
        close()
        return blocks
    }

    /// The labelled fields of paragraph `k` (empty for most paragraphs: a byte test on the first scalar first).
    func metadataFields(_ k: Int) -> [LocatedElement] {
        let range = paragraphs[k].range
        guard range.count <= 400 else { return [] }
        let first = text.utf8.withUnsafeBufferPointer { b -> UInt32? in
            var i = range.lowerBound
            // (Leads: space, tab, •, ·, ●, ■, ◆, 【, [, -, *.)
            while i < range.upperBound {
                let (v, n) = ParagraphBytes.scalar(b, at: i)
                guard let u = Unicode.Scalar(v), DocumentLabels.isLabelLead(u) else { return v }
                i += n
            }
            return nil
        }
        guard let first, DocumentLabels.firstScalars.contains(first) else { return [] }
        let line = paragraphText(k)
        let s = Array(line.unicodeScalars)
        let fields = DocumentLabels.fields(in: s)
        guard !fields.isEmpty else { return [] }
        // Clean byte offsets of the scalar indices.
        var offsets = [Int](repeating: 0, count: s.count + 1)
        for (i, u) in s.enumerated() { offsets[i + 1] = offsets[i] + UTF8.width(u) }
        return fields.map { f in
            let value = DocumentNumber.string(s[f.value]).trimmingSpaces
            let lo = range.lowerBound + offsets[f.value.lowerBound], hi = range.lowerBound + offsets[f.value.upperBound]
            return LocatedElement(element: f.element, label: f.label, text: value, range: lo..<hi)
        }
    }

    /// Gives a metadata table to the document it describes: the start whose title it names (after it, or the one it
    /// stands in), else a new start titled by it (its 标题 field, or the heading right above it).
    func attach(_ block: MetadataBlock, to starts: inout [Start]) {
        var title = block.value(.title)?.text
        var titleParagraph: Int? = nil
        if title == nil {
            var j = block.paragraphs.lowerBound - 1
            while j >= 0, block.paragraphs.lowerBound - j <= 3 {
                let p = paragraphText(j)
                if ParagraphRoles.isHeadingShaped(p, maximumLength: 80), ParagraphRoles.length(p) >= 6,
                   GenreWords.genre(ofTitle: p) != nil, !PageFurniture.isBreadcrumb(Array(p.unicodeScalars)) {
                    title = p.trimmingSpaces; titleParagraph = j; break
                }
                j -= 1
            }
        }
        func names(_ start: Start) -> Bool {
            guard let title, let other = start.title else { return title == nil }
            let a = Self.headingKey(title), b = Self.headingKey(other)
            return a == b || (b.unicodeScalars.count >= 8 && a.contains(b)) || (a.unicodeScalars.count >= 8 && b.contains(a))
        }
        // The start the table stands in, and those after it (within a page's length) that it names: a page often
        // prints the title above the table and again above the body.
        var named = false
        if let n = starts.lastIndex(where: { $0.paragraph <= block.paragraphs.lowerBound }), names(starts[n]) {
            if starts[n].metadata == nil { starts[n].metadata = block }
            named = true
        }
        for n in starts.indices where starts[n].paragraph >= block.paragraphs.lowerBound
            && starts[n].paragraph < block.paragraphs.upperBound + 60 && starts[n].title != nil && names(starts[n]) {
            if starts[n].metadata == nil { starts[n].metadata = block }
            named = true
        }
        if named { return }
        guard let title else {
            // A table that numbers the document but does not title it, the addressee right below it: the excerpt of
            // a notice whose title the page lost, known by the table's 文号 (as an excerpt that starts at its 文号).
            //     untitledTable → metadataTable(docNumber, no title) addresseeLine body
            let below = block.paragraphs.upperBound
            guard below < paragraphs.count, !starts.contains(where: { $0.paragraph <= below && $0.paragraph >= block.paragraphs.lowerBound }),
                  block.fields.contains(where: { $0.element == .docNumber && Self.leadingDocNumber($0.text) != nil }),
                  paragraphs[below].range.count <= Self.textLimit, ParagraphRoles.isAddressee(headerText(below)) else { return }
            var start = Start(paragraph: block.paragraphs.lowerBound, kind: .notice)
            start.metadata = block
            start.layout = .coverExcerpt
            let position = starts.firstIndex { $0.paragraph > start.paragraph } ?? starts.count
            starts.insert(start, at: position)
            return
        }
        let at = titleParagraph ?? block.paragraphs.lowerBound
        if starts.contains(where: { $0.paragraph == at }) { return }
        var start = Start(paragraph: at, kind: DocumentKind.fromTitle(title) ?? .other)
        start.title = title
        start.titleParagraphs = titleParagraph.map { $0..<($0 + 1) }
        start.metadata = block
        let position = starts.firstIndex { $0.paragraph > at } ?? starts.count
        starts.insert(start, at: position)
    }

    // MARK: - Header and signature

    /// How many paragraphs after the title the 文号 and addressee may appear.
    static let headerWindow = 4

    func build(_ start: Start, end: Int, previous: OfficialDocument?) -> OfficialDocument {
        let first = paragraphs[start.paragraph]
        let last = paragraphs[end - 1]
        let range = first.range.lowerBound..<last.range.upperBound
        var titleRange: Range<Int>? = nil
        if let t = start.titleParagraphs {
            titleRange = paragraphs[t.lowerBound].range.lowerBound..<paragraphs[t.upperBound - 1].range.upperBound
        }
        let bodyStart = start.titleParagraphs?.upperBound ?? (start.paragraph + 1)

        var docNumber: DocumentNumber? = nil, docNumberRange: Range<Int>? = nil
        var addressee: String? = nil, addresseeRange: Range<Int>? = nil
        if let above = start.docNumberParagraph, let number = DocumentNumber.parse(paragraphText(above)) {
            docNumber = number; docNumberRange = paragraphs[above].range
        } else if let glued = start.gluedDocNumber {
            docNumber = glued; docNumberRange = titleRange ?? first.range
        }
        let metadata = start.metadata
        var k = bodyStart
        var afterNumber = bodyStart
        var headerDate: (iso: String, range: Range<Int>)? = nil
        while k < min(end, bodyStart + Self.headerWindow + (metadata?.paragraphs.count ?? 0)) {
            let p = paragraphs[k]
            // (The rows of the page's metadata table are neither 文号 nor addressee lines of the body.)
            if metadata?.paragraphs.contains(k) == true { k += 1; afterNumber = max(afterNumber, k); continue }
            // (A 文号 ends with 号 (E5 8F B7) within 120 bytes, an addressee with a colon: skip other lines unread.)
            let mayBeNumber = docNumber == nil && p.range.count <= 160
                && text.utf8.withUnsafeBufferPointer { Self.mayBeDocNumberLine($0, p.range) }
            let last = text.utf8.withUnsafeBufferPointer { ParagraphBytes.lastScalar($0, p.range) }
            let mayBeAddressee = p.range.count <= Self.textLimit && (last == 0xFF1A || last == 0x3A)
            // (A 文号 line a forum's jammer ends in ASCII: it holds 号, E5 8F B7.)
            let mayBeJammedNumber = docNumber == nil && !mayBeNumber && !mayBeAddressee && p.range.count <= 160 && last < 0x80
                && text.utf8.withUnsafeBufferPointer { b in
                    b[p.range].indices.contains { b[$0] == 0xE5 && $0 + 2 < p.range.upperBound && b[$0 + 1] == 0x8F && b[$0 + 2] == 0xB7 }
                }
            if !mayBeNumber && !mayBeAddressee && !mayBeJammedNumber { k += 1; continue }
            let pText = headerText(k)
            // (A forum's anti-copy jammer may run on after the 文号: "某卫办函〔2031〕19号/ G; t3 d8 f* N* I# ~".)
            if docNumber == nil, addressee == nil, let number = DocumentNumber.parse(pText) ?? (mayBeJammedNumber ? Self.parseJammed(pText) : nil) {
                docNumber = number; docNumberRange = p.range
                afterNumber = k + 1
            } else if docNumber == nil, addressee == nil, let (number, date) = Self.numberWithDate(pText) {
                docNumber = number; docNumberRange = p.range
                headerDate = (date.iso, p.range)
                afterNumber = k + 1
            } else if addressee == nil, pText.hasSuffix("：") || pText.hasSuffix(":") {
                // The addressee may run over several hard-broken lines: take the longest run that reads as one.
                let from = afterNumber
                for j in from...k {
                    let texts = (j...k).map(headerText)
                    let joined = texts.joined()
                    if texts.dropLast().allSatisfy({ !LineShape.endsParagraph(Array($0.unicodeScalars.map(\.value)), 0, $0.unicodeScalars.count) }),
                       ParagraphRoles.isAddressee(joined) {
                        addressee = joined
                        addresseeRange = paragraphs[j].range.lowerBound..<p.range.upperBound
                        break
                    }
                }
                break
            }
            k += 1
        }

        var date = start.newsDate ?? start.statedDate
        var dateRange: Range<Int>? = start.newsDateParagraph.map { paragraphs[$0].range }
            ?? start.statedDate.map { _ in paragraphs[start.paragraph].range }
        var signatures: [(text: String, range: Range<Int>)] = []
        var newsSource = start.newsSource
        var attachments: [String] = []
        var k2 = bodyStart
        // The date found is a page's publication line under the title (see `isPageDateLine`): a 成文日期 after the
        // body replaces it, with its own 署名.
        var datedByPage = false
        text.utf8.withUnsafeBufferPointer { b in
            while k2 < end {
                let p = paragraphs[k2]
                let bytes = p.range.count
                if bytes > 600 || metadata?.paragraphs.contains(k2) == true { k2 += 1; continue }
                // (Byte tests first: the text is built only when a recogniser may accept the paragraph.)
                if date == nil || datedByPage, bytes <= 60, ParagraphBytes.mayBeDate(b, p.range), let d = ChineseDate.parseWhole(paragraphText(k2)),
                   !(datedByPage && Self.isNumericDateLine(paragraphText(k2))) {
                    if datedByPage { signatures.removeAll() }
                    date = d; dateRange = p.range
                    datedByPage = k2 < bodyStart + Self.headerWindow && Self.isNumericDateLine(paragraphText(k2))
                    var s = k2 - 1
                    while s >= bodyStart && signatureText(s) != nil { s -= 1 }
                    for j in (s + 1)..<k2 { signatures.append((signatureText(j) ?? paragraphText(j), paragraphs[j].range)) }
                } else if date == nil, bytes <= 160, ScalarClass.isASCIIDigit(UInt32(b[p.range.lowerBound]))
                            || ChineseDate.isChineseDigit(ParagraphBytes.scalar(b, at: p.range.lowerBound).value),
                          k2 == bodyStart || (start.title.map { Self.headingKey(paragraphText(k2 - 1)) == Self.headingKey($0) } ?? false),
                          let (d, issuers) = Self.dateThenIssuers(paragraphText(k2)) {
                    // A law database prints the 成文日期 and the issuing bodies under the title: "1996年12月13日，某部".
                    date = d; dateRange = p.range
                    signatures.append((issuers, p.range))
                } else if date == nil, bytes <= 160, k2 == bodyStart, start.titleParagraphs != nil,
                          let d = Self.occasionDate(paragraphText(k2)) {
                    // A speech's or work report's occasion line: "——2031年2月2日在…会议上".
                    date = d; dateRange = p.range
                } else if date == nil, k2 == bodyStart, start.title != nil,
                          let (d, number, issuer) = Self.regulationNote(paragraphText(k2)) {
                    // A rule's note: the day and the order that published it ("（2031年4月1日某某部令第32号公布…）").
                    date = d; dateRange = p.range
                    if docNumber == nil { docNumber = number; docNumberRange = p.range }
                    signatures.append((issuer, p.range))
                } else if date == nil, bytes <= 160, k2 == bodyStart, start.titleParagraphs != nil,
                          let (d, issuers) = Self.titleNote(paragraphText(k2)) {
                    // The title's note: "（国务院 1996年5月15日）", "（1996年5月15日 国务院）".
                    date = d; dateRange = p.range
                    signatures.append((issuers, p.range))
                } else if newsSource == nil, bytes <= 150, ParagraphBytes.startsWithCreditWord(b, p.range),
                          let credit = ParagraphRoles.sourceCredit(paragraphText(k2)) {
                    newsSource = credit
                } else if ParagraphBytes.startsWithAttachmentMark(b, p.range), let a = ParagraphRoles.attachment(paragraphText(k2)) {
                    attachments.append(a)
                }
                k2 += 1
            }
        }
        // A signature date that lost 年月日 in conversion ("2031128"), read against the page's publication date.
        // (Without a metadata table, the page's own publication line — "• 发布日期：…" near the top — bounds it.)
        // (The page's 发文日期 bounds it as well: a page issues a document on or after its 成文日期.)
        // With no page date, the date must stand where GB/T 9704 puts the 成文日期 — right under the 署名 — and agree
        // with the year of the document's own 文号 when it has one.
        if date == nil {
            let published = metadata?.value(.publicationDate).flatMap({ ChineseDate.find(in: $0.text)?.iso })
                ?? metadata?.value(.issueDate).flatMap({ ChineseDate.find(in: $0.text)?.iso })
                ?? pagePublicationDate()
            // (Such a line starts with an ASCII digit or symbol: other short lines are not read.)
            for k in bodyStart..<end where paragraphs[k].range.count <= 12 && text.utf8[paragraphs[k].range.lowerBound] < 0x80
                && metadata?.paragraphs.contains(k) != true {
                guard let iso = Self.lostGlyphDate(paragraphText(k), notAfter: published ?? "9999-12-31") else { continue }
                var s = k - 1
                while s >= bodyStart && signatureText(s) != nil { s -= 1 }
                if published == nil {
                    guard s + 1 < k, docNumber.map({ iso.hasPrefix(String($0.year)) }) ?? true else { continue }
                }
                date = iso; dateRange = paragraphs[k].range
                for j in (s + 1)..<k { signatures.append((signatureText(j) ?? paragraphText(j), paragraphs[j].range)) }
                break
            }
        }
        // A body flattened into one paragraph, its closing formula, 署名 and 成文日期 run on at its end
        // ("…特此公告。 某某海关 二〇三一年六月二日").
        if date == nil {
            // (The formula closes the body: only the segment's last paragraphs, page chrome perhaps after it.)
            for k in max(bodyStart, end - Self.closingParagraphs)..<end
            where metadata?.paragraphs.contains(k) != true && Self.mayCloseBody(paragraphs[k].range, in: text) {
                // (Only the paragraph's tail is read: a flattened body is longer than the texts kept.)
                let r = paragraphs[k].range
                var from = max(r.lowerBound, r.upperBound - 240)
                while from < r.upperBound, text.utf8[from] & 0xC0 == 0x80 { from += 1 }
                if let (d, issuer) = Self.closingFormulaDate(text.text(from..<r.upperBound)) {
                    date = d; dateRange = paragraphs[k].range
                    if let issuer { signatures.append((issuer, paragraphs[k].range)) }
                    break
                }
            }
        }
        // A cover notice flattened onto one line with what it issues: its 成文日期 run on right after its issuing
        // sentence ("…现印发给你们，请认真组织实施。 二〇三一年四月十三日 某某实施方案 …").
        if date == nil, start.title != nil {
            for k in start.paragraph..<min(end, bodyStart + 2)
            where paragraphs[k].range.count > 160 && metadata?.paragraphs.contains(k) != true {
                let r = paragraphs[k].range
                var to = min(r.upperBound, r.lowerBound + Self.issuingSentenceBytes)
                while to < r.upperBound, text.utf8[to] & 0xC0 == 0x80 { to += 1 }
                if let d = Self.issuingSentenceDate(Array(text.text(r.lowerBound..<to).unicodeScalars)) {
                    date = d; dateRange = r
                    break
                }
            }
        }
        // An order is signed by the leader's title and name: its body is the one its 发文机关标志 names.
        if signatures.isEmpty, let issuer = start.headerIssuer { signatures.append((issuer, paragraphs[start.paragraph].range)) }
        // An announcement numbered on its own line above or below its title ("关于…的公告" / "某部 某总局公告2031年第
        // 32号"), printed without its 署名: the bodies its number names.
        if signatures.isEmpty, let number = docNumber, number.isAnnouncement, number.category == "公告", !number.prefix.isEmpty,
           start.title?.hasPrefix("关于") == true, let at = docNumberRange {
            signatures.append((Self.issuerList(number.prefix), at))
        }
        // A date written with the 文号 under the title ("（惠市委发〔2030〕5号2030年2月11日）").
        if date == nil, let headerDate { date = headerDate.iso; dateRange = headerDate.range }
        // A plan issued by the preceding notice carries the notice's date.
        if date == nil, let prev = previous, let prevTitle = prev.body.title?.value, let title = start.title,
           Self.citedTitles(in: prevTitle).contains(Self.headingKey(title)) {
            date = prev.body.date?.value
        }
        // The page's metadata table: its 文号 where the body gives none (or one that lost glyphs), its 成文日期 (else
        // 发文日期) where the body has no date. (发布日期 is the page's, never the document's.)
        if let metadata {
            // (Each 文号 field in turn; a value the page ran into the next cell, "农发〔2025〕1号 源: …", by its
            // leading 文号.)
            if docNumber == nil || docNumber?.isRepaired == true,
               let (number, field) = metadata.fields.lazy.filter({ $0.element == .docNumber && !$0.text.isEmpty })
                   .compactMap({ f in Self.leadingDocNumber(f.text).map { ($0, f) } }).first {
                docNumber = number; docNumberRange = field.range
            }
            if date == nil, let field = metadata.value(.date) ?? metadata.value(.issueDate),
               let (iso, _) = ChineseDate.find(in: field.text) {
                date = iso; dateRange = field.range
            }
        }
        // The note of adoption or revision under the title ("（2031年3月2日…常务会议通过）").
        if date == nil, start.titleParagraphs != nil || start.title != nil, let adopted = adoptionDate(from: bodyStart, end: end) {
            date = adopted.iso; dateRange = adopted.range
        }
        // A 文号 run on after the title, spaced off, with the addressee and body after it ("…的通知 X府发〔2031〕12号
        // 各县（区）人民政府：…": a whole document flattened onto one line): on the title's line after the title, or
        // opening the paragraph after it.
        if docNumber == nil, let title = start.title {
            let t = start.titleParagraphs ?? start.paragraph..<(start.paragraph + 1)
            let titleScalars = Array(title.trimmingSpaces.unicodeScalars)
            var candidates: [(paragraph: Int, from: Int)] = []
            if t.count == 1 {
                let line = Array(leadingText(t.lowerBound).unicodeScalars)
                if line.count > titleScalars.count, line[..<titleScalars.count].elementsEqual(titleScalars),
                   DocumentNumber.isSpace(line[titleScalars.count]) { candidates.append((t.lowerBound, titleScalars.count)) }
            }
            if bodyStart < end, paragraphs[bodyStart].range.count > 160 { candidates.append((bodyStart, 0)) }
            for (k, from) in candidates {
                let line = Array(leadingText(k).unicodeScalars)
                var i = from
                while i < line.count, DocumentNumber.isSpace(line[i]) { i += 1 }
                guard let found = DocumentNumber.occurrences(in: line, from: i, to: min(line.count, i + 30)).first,
                      found.range.lowerBound == i, found.range.upperBound == line.count || DocumentNumber.isSpace(line[found.range.upperBound])
                else { continue }
                docNumber = found.number; docNumberRange = paragraphs[k].range
                break
            }
        }
        // An announcement or order numbered only in its title ("某某海关2031年第3号公告").
        if docNumber == nil, let title = start.title, let number = DocumentNumber.numberedTitle(title) {
            docNumber = number; docNumberRange = titleRange ?? first.range
        }
        var kind = start.kind
        if kind == .other && newsSource != nil { kind = .news }
        if kind == .other && start.title == nil { kind = .article }

        let lastByte = max(range.lowerBound, range.upperBound - 1)
        var document = OfficialDocument(range: range, firstLine: text.originalLine(ofCleanOffset: range.lowerBound),
                                        lastLine: text.originalLine(ofCleanOffset: lastByte), kind: kind,
                                        layout: layout(of: start, kind: kind, docNumber: docNumber))
        document.header.docNumber = docNumber.flatMap { n in docNumberRange.map { Located(n, at: $0) } }
        document.body.title = start.title.map { Located($0, at: titleRange ?? range.lowerBound..<range.lowerBound) }
        document.body.headline = start.headline
        document.body.addressee = addressee.flatMap { a in addresseeRange.map { Located(a, at: $0) } }
        document.body.signatures = signatures.map { Located($0.text, at: $0.range) }
        document.body.date = date.map { Located($0, at: dateRange ?? range.lowerBound..<range.lowerBound) }
        document.body.attachmentNotes = attachments
        for element in elements(start, bodyStart: bodyStart, end: end) { document.place(element) }
        document.metadata = metadata?.fields ?? []
        document.newsSource = newsSource
        return document
    }

    /// The layout a document arrived in, from the recogniser that found its start and what it holds.
    func layout(of start: Start, kind: DocumentKind, docNumber: DocumentNumber?) -> OfficialDocument.Layout {
        if let layout = start.layout { return layout }
        switch kind {
        case .toc: return .toc
        case .preface: return .preface
        case .news: return .newsDigest
        case .article: return .article
        default: break
        }
        if docNumber?.isAnnouncement == true && docNumber?.category == "令" { return .order }
        if let title = start.title, GenreWords.genre(ofTitle: title)?.word == "函" { return .letter }
        if start.metadata != nil { return .webPage }
        return .standard
    }
}
