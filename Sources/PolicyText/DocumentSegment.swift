/// One element of an official document located in the clean text.
public struct LocatedElement: Sendable {
    public let element: DocumentElement
    /// The label as written ("抄送", "发文字号"), empty when the element is recognised by its shape.
    public let label: String
    /// The value without its label ("国务院办公厅 2022年1月5日印发", "镇政发〔2024〕7号").
    public let text: String
    /// Clean byte range of the line (or of the value).
    public let range: Range<Int>
    public init(element: DocumentElement, label: String = "", text: String, range: Range<Int>) {
        self.element = element; self.label = label; self.text = text; self.range = range
    }
}

/// A document found inside a file (a digest holds many): the flat projection of an `OfficialDocument`.
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
    /// 文号, normalised to 〔〕 ("财金〔2022〕119号"), with its written form.
    public let docNumber: DocumentNumber?
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
    /// Other GB/T 9704 elements found, in text order: 版头 (份号, 密级, 紧急程度, 发文机关标志, 签发人), 附注, 版记
    /// (抄送机关, 印发机关和印发日期). 抄送 and 印发 bodies are never issuers.
    public var elements: [LocatedElement] = []
    /// The page's metadata table for this document (索引号, 发文机关, 发文字号, 成文日期, 发布日期 …), if any.
    public var metadata: [LocatedElement] = []
    /// The layout the document arrived in.
    public var layout: OfficialDocument.Layout = .article

    /// The texts that can name this document's issuers, for the issuer reader: the title part before 关于, the
    /// signature lines, the metadata 发文机关 value, the 发文机关标志 lines and the 文号.
    public var issuerTexts: [(element: DocumentElement, text: String)] {
        var out: [(element: DocumentElement, text: String)] = []
        if let title, let about = title.firstRange(of: "关于"), about.lowerBound > title.startIndex {
            out.append((.title, String(title[..<about.lowerBound])))
        }
        out += elements.filter { $0.element == .issuerMark }.map { ($0.element, $0.text) }
        out += signatureLines.map { (.signature, $0.text) }
        out += metadata.filter { $0.element == .issuer }.map { ($0.element, $0.text) }
        if let docNumber { out.append((.docNumber, docNumber.text)) }
        return out
    }

    public init(range: Range<Int>, firstLine: Int, lastLine: Int, kind: DocumentKind,
                title: String? = nil, titleRange: Range<Int>? = nil, headline: String? = nil,
                docNumber: DocumentNumber? = nil, docNumberRange: Range<Int>? = nil,
                date: String? = nil, dateRange: Range<Int>? = nil,
                addressee: String? = nil, addresseeRange: Range<Int>? = nil,
                signatureLines: [(text: String, range: Range<Int>)] = [],
                newsSource: String? = nil, attachments: [String] = [],
                elements: [LocatedElement] = [], metadata: [LocatedElement] = []) {
        self.elements = elements
        self.metadata = metadata
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
