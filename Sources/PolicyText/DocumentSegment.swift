/// A document found inside a file (a digest holds many), with the structure Chinese official documents show.
public struct DocumentSegment: Sendable {
    /// Clean byte range.
    public let range: Range<Int>
    /// ORIGINAL lines (1-based, inclusive).
    public let firstLine: Int, lastLine: Int
    public let kind: DocumentKind
    /// Clean title with hard line breaks rejoined; for "X印发《T》" headlines the document title T.
    public let title: String?
    public let titleRange: Range<Int>?
    /// The whole heading line when it says more than the title (e.g. "国家发改委印发“十四五”…方案").
    public let headline: String?
    /// 文号 normalised to 〔〕: "财金〔2022〕119号".
    public let docNumber: String?
    public let docNumberRange: Range<Int>?
    /// ISO yyyy-mm-dd or yyyy-mm.
    public let date: String?
    public let dateRange: Range<Int>?
    /// "各省、自治区、直辖市财政厅（局）："
    public let addressee: String?
    public let addresseeRange: Range<Int>?
    /// One issuing body a line, in order, before the date.
    public let signatureLines: [(text: String, range: Range<Int>)]
    /// "人民日报" from "人民日报 2023-07-19" or "来源：人民日报".
    public let newsSource: String?
    /// Attachment titles from "附：《…》" / "附件：…" lines.
    public let attachments: [String]

    public init(range: Range<Int>, firstLine: Int, lastLine: Int, kind: DocumentKind,
                title: String? = nil, titleRange: Range<Int>? = nil, headline: String? = nil,
                docNumber: String? = nil, docNumberRange: Range<Int>? = nil,
                date: String? = nil, dateRange: Range<Int>? = nil,
                addressee: String? = nil, addresseeRange: Range<Int>? = nil,
                signatureLines: [(text: String, range: Range<Int>)] = [],
                newsSource: String? = nil, attachments: [String] = []) {
        self.range = range
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.kind = kind
        self.title = title
        self.titleRange = titleRange
        self.headline = headline
        self.docNumber = docNumber
        self.docNumberRange = docNumberRange
        self.date = date
        self.dateRange = dateRange
        self.addressee = addressee
        self.addresseeRange = addresseeRange
        self.signatureLines = signatureLines
        self.newsSource = newsSource
        self.attachments = attachments
    }
}
