/// The elements of an official document (GB/T 9704-2012 §7) and the fields of the metadata tables government
/// pages print before it (索引号 / 发文机关 / 发文字号 / 成文日期 / 发布日期 …).
public enum DocumentElement: String, Sendable, CaseIterable {
    // 版头
    case copyNumber = "份号", secrecy = "密级", urgency = "紧急程度", issuerMark = "发文机关标志", docNumber = "发文字号"
    case signer = "签发人"
    // 主体
    case title = "标题", addressee = "主送机关", attachmentNote = "附件说明", signature = "发文机关署名", date = "成文日期"
    case note = "附注"
    // 版记
    case copyTo = "抄送机关", printer = "印发机关和印发日期"
    // page metadata only
    case issuer = "发文机关", issueDate = "发文日期", publicationDate = "发布日期", publisher = "发布机构", other = "其他"
}

/// The labels that name document elements in text: GB/T 9704 labels written in the document ("抄送：", "签发人：",
/// "附件：") and metadata-table labels of government pages ("发文字号", "文件编号", "成文日期", "发布机构" …).
/// The one table of them: the segmenter's metadata reader and 版记 reader use it, and its first-scalar prefilter is
/// derived from it.
public enum DocumentLabels {
    /// label → element.
    public static let table: [(label: String, element: DocumentElement)] = [
        ("份号", .copyNumber), ("密级", .secrecy), ("保密期限", .secrecy), ("紧急程度", .urgency), ("签发人", .signer),
        ("发文字号", .docNumber), ("文号", .docNumber), ("文件编号", .docNumber), ("发文号", .docNumber),
        ("文件字号", .docNumber), ("发文文号", .docNumber), ("发布文号", .docNumber),
        ("标题", .title), ("名称", .title), ("文件名称", .title), ("文件标题", .title),
        ("主送", .addressee), ("主送机关", .addressee), ("附件", .attachmentNote), ("附注", .note),
        ("成文日期", .date), ("发文日期", .issueDate), ("印发日期", .issueDate), ("公布日期", .issueDate),
        ("抄送", .copyTo), ("抄送机关", .copyTo), ("印发机关", .printer),
        ("发文机关", .issuer), ("发文机构", .issuer), ("发文单位", .issuer), ("颁布单位", .issuer), ("制发机关", .issuer),
        ("发布机构", .publisher), ("发布部门", .publisher), ("发布单位", .publisher), ("来源", .publisher),
        ("信息来源", .publisher), ("文章来源", .publisher),
        ("发布日期", .publicationDate), ("发布时间", .publicationDate), ("公开日期", .publicationDate),
        ("生成日期", .publicationDate),
        ("索引号", .other), ("主题分类", .other), ("组配分类", .other), ("体裁分类", .other), ("有效性", .other),
        ("关键词", .other), ("主题词", .other), ("公开类别", .other), ("公开方式", .other), ("公开范围", .other),
        ("效力级别", .other), ("时效性", .other), ("法规类别", .other), ("实施日期", .other), ("内容概述", .other),
        ("服务对象", .other), ("所属机构", .other), ("信息分类", .other), ("统一编号", .other),
        ("信息名称", .title), ("公开目录", .other), ("公开责任部门", .other), ("公开形式", .other), ("是否有效", .other),
        ("生效日期", .other), ("废止日期", .other), ("所属主题", .other),
        // policy portals' attributes of a listed policy (a site's classification, not the document's own elements)
        ("发文部门", .publisher), ("政策级别", .other), ("政策主题", .other), ("政策类型", .other), ("政策分类", .other),
        // law databases' article attributes (【制定机关】, 【字号】, 【施行日期】 …)
        ("制定机关", .issuer), ("字号", .docNumber), ("施行日期", .other), ("效力等级", .other),
    ]

    /// The labels of `docNumber` (for `DocumentNumber.parse`, which skips one in front of a 文号).
    static let docNumberLabels: [[Unicode.Scalar]] = labels(of: .docNumber)

    static func labels(of element: DocumentElement) -> [[Unicode.Scalar]] {
        table.filter { $0.element == element }.map { Array($0.label.unicodeScalars) }
            .sorted { $0.count > $1.count }
    }

    /// Every label as scalars, longest first.
    static let labelScalars: [(label: [Unicode.Scalar], element: DocumentElement)] =
        table.map { (Array($0.label.unicodeScalars), $0.element) }.sorted { $0.label.count > $1.label.count }

    /// The first scalars of the labels (a cheap first test for a metadata line).
    static let firstScalars: Set<UInt32> = Set(table.map { $0.label.unicodeScalars.first!.value })

    /// Scalars that may stand before a label on a metadata line: bullets (•, ·, ∙, ●, ■, ◆), 【, spaces.
    static func isLabelLead(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "•" || s == "·" || s == "∙" || s == "●" || s == "■" || s == "◆"
            || s == "【"
            || s == "[" || s == "-" || s == "*" || s == "|" || s == "｜"
    }

    /// The length in `s` of `label` written at `k`, one or two spaces allowed between its characters as portals
    /// letter-space short labels ("标 题：", "索  引  号", "文　号："), or the question marks a copy made of those
    /// spaces ("标??题"); nil when it is not written there.
    ///
    ///     spacedLabel → c₁ (sp{0,2} cᵢ)*        (sp: a space, an ideographic space, or ? ？ standing for one)
    static func labelLength(_ label: [Unicode.Scalar], in s: [Unicode.Scalar], at k: Int) -> Int? {
        var i = k
        for (n, c) in label.enumerated() {
            if n > 0 {
                var j = i
                while j < s.count, j - i < 2, s[j] == " " || s[j] == "\u{3000}" || s[j] == "?" || s[j] == "？" { j += 1 }
                if j > i, j < s.count, s[j] == c { i = j }
            }
            guard i < s.count, s[i] == c else { return nil }
            i += 1
        }
        return i - k
    }

    /// Scalars that may end a label: ：: 】] a space, or the cell rule of a table flattened to text ("文号: | X |").
    static func isLabelEnd(_ s: Unicode.Scalar) -> Bool {
        s == "：" || s == ":" || s == "】" || s == "]" || s == " " || s == "\u{3000}" || s == "\t" || s == "|" || s == "｜"
    }

    /// Index after a metadata label (and its ：/】 and spaces) at `from` in `s`, or `from` when there is none.
    static func skipMetadataLabel(_ s: [Unicode.Scalar], from: Int, to: Int, labels: [[Unicode.Scalar]]) -> Int {
        var i = from
        if i < to, s[i] == "【" || s[i] == "[" { i += 1 }
        for label in labels where to - i > label.count && s[i..<(i + label.count)].elementsEqual(label) {
            var k = i + label.count
            guard isLabelEnd(s[k]) else { continue }
            while k < to, isLabelEnd(s[k]) { k += 1 }
            return k
        }
        return from
    }

    /// A labelled field on one line: the label's element, the label, and the value's scalar range (empty when the
    /// value stands on the next line).
    public struct Field: Sendable {
        public let element: DocumentElement
        public let label: String
        public let value: Range<Int>
    }

    /// The labelled fields of a metadata line: `lead? label end value` repeated, a field starting at the line start
    /// or after a space ("索引号: X 组配分类: Y", "• 发文字号:", "【发文字号】X", "文件编号 浦府〔2022〕1号").
    /// Empty when the line does not start with a label.
    public static func fields(in s: [Unicode.Scalar]) -> [Field] {
        var i = 0
        while i < s.count, isLabelLead(s[i]) { i += 1 }
        guard i < s.count, firstScalars.contains(s[i].value) else { return [] }
        var found: [(element: DocumentElement, label: Range<Int>, valueStart: Int)] = []
        var k = i
        while k < s.count {
            // (A label glued to the value before it — the normaliser drops the space between "3号" and "成文日期" —
            // is one when a colon ends it.)
            if firstScalars.contains(s[k].value),
               let (labelCount, element) = labelScalars.lazy.compactMap({ entry in
                   labelLength(entry.label, in: s, at: k).map { ($0, entry.element) } }).first,
               k == i || isLabelLead(s[k - 1]) || s[k - 1] == "】" || s[k - 1] == "|"
                || (!found.isEmpty && k + labelCount < s.count && (s[k + labelCount] == "：" || s[k + labelCount] == ":")) {
                let label = labelCount
                var v = k + label
                let bracketed = k > 0 && s[k - 1] == "【"
                // A label ends with ：/:/】, a space before its value, or the line end.
                // (The normaliser drops the space between a label and the digits of a date: "发布时间2031-01-29".)
                let digitsFollow = v < s.count && s[v].value &- 0x30 < 10 && [.date, .issueDate, .publicationDate].contains(element)
                if v == s.count || isLabelEnd(s[v]) || (bracketed && s[v] == "】") || digitsFollow {
                    while v < s.count, isLabelEnd(s[v]) { v += 1 }
                    let labelStart = bracketed ? k - 1 : k
                    found.append((element, labelStart..<(k + label), v))
                    k = v
                    continue
                }
            }
            if found.isEmpty { return [] }
            k += 1
        }
        var out: [Field] = []
        for (n, f) in found.enumerated() {
            var end = n + 1 < found.count ? found[n + 1].label.lowerBound : s.count
            while end > f.valueStart, isLabelLead(s[end - 1]) || s[end - 1] == "|" || s[end - 1] == "｜" { end -= 1 }
            let label = String(String.UnicodeScalarView(s[f.label].filter { $0 != "【" && $0 != " " && $0 != "\u{3000}" }))
            out.append(Field(element: f.element, label: label, value: f.valueStart..<max(f.valueStart, end)))
        }
        return out
    }
}
