/// A value found in the clean text, with the clean byte range it was read from.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    /// Clean byte range; empty when the value is inferred rather than read at one place (a title given by the
    /// document a cover notice issues, a date carried over from the notice that issues a plan).
    public let range: Range<Int>
    public init(_ value: Value, at range: Range<Int>) {
        self.value = value
        self.range = range
    }
}

/// An official document as GB/T 9704-2012 (党政机关公文格式) lays it out, recognised in the layout it arrived in:
/// 版头 (`Header`), 主体 (`Body`), 版记 (`Footer`), each element located in the clean text; plus the metadata table
/// of the page it was published on. `DocumentSegment` is its flat projection.
public struct OfficialDocument: Sendable {
    /// How the document arrived; which recogniser found its start.
    public enum Layout: String, Sendable {
        /// Print / PDF layout: 版头 above the title, 署名 and 成文日期 below the body.
        case standard
        /// 信函格式: a 函, 文号 under the masthead.
        case letter
        /// 命令（令）格式: an order numbered "第N号".
        case order
        /// A web page whose metadata table (索引号, 发文字号, 成文日期 …) describes the document.
        case webPage
        /// A news report of an issuance ("X印发《T》"), or a digest item opened by its source line.
        case newsDigest
        /// A markdown heading.
        case markdown
        /// A communiqué or report: title, issuing bodies, date.
        case report
        /// An excerpt that starts at the addressee of a cover notice (no title).
        case coverExcerpt
        /// A text opened by its own title alone, no 文号 or 署名 (a statistics bulletin, a plan reposted as a page).
        case titledText
        /// A news item or interpretation about a document it cites and then refers back to by its genre word or
        /// short name ("《T行动计划》出炉 … 《行动计划》提出"); the document itself is not printed.
        case reportedDocument
        /// Text without an official title: an article, a preface, a table of contents.
        case article, preface, toc
    }

    /// 版头: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人.
    public struct Header: Sendable {
        public var copyNumber: Located<String>?
        public var secrecy: Located<String>?
        public var urgency: Located<String>?
        public var issuerMarks: [Located<String>] = []
        public var docNumber: Located<DocumentNumber>?
        public var signers: [Located<String>] = []
    }

    /// 主体: 标题, 主送机关, 正文, 附件说明, 发文机关署名, 成文日期, 附注.
    public struct Body: Sendable {
        public var title: Located<String>?
        /// The issuance headline a news item carries ("国务院印发…方案"), when it says more than the title.
        public var headline: String?
        public var addressee: Located<String>?
        public var attachmentNotes: [String] = []
        public var signatures: [Located<String>] = []
        public var date: Located<String>?
        public var notes: [Located<String>] = []
    }

    /// 版记: 抄送机关, 印发机关和印发日期. Neither names an issuer.
    public struct Footer: Sendable {
        public var copyTo: [Located<String>] = []
        public var printer: Located<String>?
    }

    public var range: Range<Int>
    /// Original lines (1-based, inclusive).
    public var firstLine: Int, lastLine: Int
    public var kind: DocumentKind
    public var layout: Layout
    public var header = Header()
    public var body = Body()
    public var footer = Footer()
    /// The page's metadata table fields (索引号, 发文机关, 发文字号, 成文日期, 发布日期 …).
    public var metadata: [LocatedElement] = []
    /// The news source ("人民日报") of a digest item.
    public var newsSource: String?

    /// Every element other than title, 文号, 主送, 署名 and date, in text order, as `LocatedElement`s.
    public var otherElements: [LocatedElement] {
        var out: [LocatedElement] = []
        func add(_ e: DocumentElement, _ l: Located<String>?) { if let l { out.append(LocatedElement(element: e, text: l.value, range: l.range)) } }
        add(.copyNumber, header.copyNumber)
        add(.secrecy, header.secrecy)
        add(.urgency, header.urgency)
        header.issuerMarks.forEach { add(.issuerMark, $0) }
        header.signers.forEach { out.append(LocatedElement(element: .signer, label: "签发人", text: $0.value, range: $0.range)) }
        body.notes.forEach { add(.note, $0) }
        footer.copyTo.forEach { out.append(LocatedElement(element: .copyTo, label: "抄送", text: $0.value, range: $0.range)) }
        add(.printer, footer.printer)
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Places a recognised element line into its zone.
    mutating func place(_ e: LocatedElement) {
        let located = Located(e.text, at: e.range)
        switch e.element {
        case .copyNumber: header.copyNumber = located
        case .secrecy: header.secrecy = located
        case .urgency: header.urgency = located
        case .issuerMark: header.issuerMarks.append(located)
        case .signer: header.signers.append(located)
        case .note: body.notes.append(located)
        case .copyTo: footer.copyTo.append(located)
        case .printer: footer.printer = located
        default: break
        }
    }
}

/// The official documents a file holds, in order (see `OfficialDocument`).
public func recogniseDocuments(_ text: NormalizedText) -> [OfficialDocument] {
    DocumentSegmenter(text).documents()
}

extension DocumentSegment {
    /// The flat projection of a recognised document.
    public init(_ d: OfficialDocument) {
        self.init(range: d.range, firstLine: d.firstLine, lastLine: d.lastLine, kind: d.kind,
                  title: d.body.title?.value, titleRange: d.body.title.flatMap { $0.range.isEmpty ? nil : $0.range }, headline: d.body.headline,
                  docNumber: d.header.docNumber?.value, docNumberRange: d.header.docNumber?.range,
                  date: d.body.date?.value, dateRange: d.body.date.flatMap { $0.range.isEmpty ? nil : $0.range },
                  addressee: d.body.addressee?.value, addresseeRange: d.body.addressee?.range,
                  signatureLines: d.body.signatures.map { ($0.value, $0.range) },
                  newsSource: d.newsSource, attachments: d.body.attachmentNotes,
                  elements: d.otherElements, metadata: d.metadata)
        self.layout = d.layout
    }
}
