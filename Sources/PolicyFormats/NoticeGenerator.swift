#if canImport(Glibc)
import Glibc
#endif

/// Generates policy notices from templates (text written for PolicyKG's benchmarks and tests, no corpus text),
/// reproducibly from a seed, as plain text (UTF-8 and GB18030), portal HTML pages (UTF-8 and GBK, with navigation
/// and a metadata table) and Word documents. PDFs are made from the lines by Tests/Fixtures/formats/make_pdf.py.
public struct NoticeGenerator {
    struct Agency { let name: String; let prefix: String }
    static let agencies: [Agency] = [
        Agency(name: "国家发展改革委", prefix: "发改"), Agency(name: "财政部", prefix: "财"),
        Agency(name: "工业和信息化部", prefix: "工信部"), Agency(name: "商务部", prefix: "商"),
        Agency(name: "农业农村部", prefix: "农"), Agency(name: "生态环境部", prefix: "环"),
        Agency(name: "交通运输部", prefix: "交"), Agency(name: "科技部", prefix: "国科发"),
        Agency(name: "人力资源社会保障部", prefix: "人社部发"), Agency(name: "住房城乡建设部", prefix: "建"),
        Agency(name: "中国人民银行", prefix: "银发"), Agency(name: "市场监管总局", prefix: "国市监"),
    ]
    static let topics = ["城乡冷链物流", "数字乡村建设", "中小企业数字化转型", "绿色建材下乡", "充电基础设施建设",
                         "职业技能提升", "普惠金融服务", "老旧小区改造", "农产品产地仓储", "县域商业体系建设",
                         "工业园区循环化改造", "智慧交通示范"]
    static let types = ["通知", "意见", "实施方案", "管理办法"]
    static let regions = ["江苏省", "浙江省", "安徽省", "四川省", "广西壮族自治区", "河南省", "湖北省", "陕西省"]
    static let metrics = ["覆盖率", "达标率", "普及率", "利用率", "完成率"]

    /// The generator's state (a linear congruential sequence).
    public var state: UInt64

    /// A generator starting at `state`.
    public init(state: UInt64) { self.state = state }

    mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }

    /// One document as lines: title, 文号, addressee, body paragraphs, signature block (one issuer a line), date.
    public mutating func document(index: Int) -> (lines: [String], signatureCount: Int) {
        let lead = Self.agencies[next(Self.agencies.count)]
        var partner = Self.agencies[next(Self.agencies.count)]
        if partner.name == lead.name { partner = Self.agencies[(Self.agencies.firstIndex { $0.name == lead.name }! + 1) % Self.agencies.count] }
        let joint = next(3) == 0
        let topic = Self.topics[next(Self.topics.count)]
        let type = Self.types[next(Self.types.count)]
        let year = 2020 + next(10)
        let region = Self.regions[next(Self.regions.count)]
        let issuers = joint ? [lead.name, partner.name] : [lead.name]
        var lines: [String] = []
        let title: String
        if type == "通知" {
            title = issuers.joined(separator: " ") + "关于开展\(topic)试点工作的通知"
        } else {
            title = issuers.joined(separator: " ") + "关于印发《\(topic)\(type == "意见" ? "工作要点" : type)》的通知"
        }
        lines.append(title)
        lines.append("\(lead.prefix)\(joint ? "联" : "")〔\(year)〕\(10 + next(300))号")
        lines.append("各省、自治区、直辖市及计划单列市有关部门：")
        lines.append("为深入贯彻落实党中央、国务院决策部署，推动\(topic)高质量发展，现就有关事项通知如下。")
        var kinds = Array(0..<8)
        for k in stride(from: kinds.count - 1, to: 0, by: -1) { kinds.swapAt(k, next(k + 1)) }
        let paragraphs = 3 + next(5)
        for p in 0..<paragraphs {
            let numeral = ["一", "二", "三", "四", "五", "六", "七", "八"][p]
            lines.append("\(numeral)、\(["总体要求", "重点任务", "支持政策", "组织保障", "工作安排", "监督评估", "宣传引导", "其他事项"][p])")
            switch kinds[p] {
            case 0:
                lines.append("到\(year + 3 + next(5))年，\(region)\(topic)\(Self.metrics[next(Self.metrics.count)])达到\(50 + next(50))%以上，重点地区率先实现全覆盖。")
            case 1:
                lines.append("中央财政对每个试点地区给予不超过\(1 + next(9))亿元的补助资金，由\(region)财政部门统筹使用，专款专用。")
            case 2:
                lines.append("\(lead.name)会同有关部门建立工作协调机制，加强政策衔接，及时总结推广经验做法。")
            case 3:
                lines.append("各地要结合实际制定具体措施，明确责任分工和时间进度，于\(year)年\(1 + next(12))月底前将工作进展报送\(lead.name)。")
            case 4:
                lines.append("支持符合条件的企业参与项目建设和运营，鼓励金融机构创新信贷产品，单个项目贷款期限可延长至\(5 + next(10))年。")
            case 5:
                lines.append("建立健全监测评价制度，每年开展\(1 + next(3))次督导检查，对工作成效突出的地区予以通报表扬。")
            case 6:
                lines.append("加强政策解读和舆论引导，及时宣传典型经验，营造全社会共同参与的良好氛围。")
            default:
                lines.append("本\(type == "管理办法" ? "办法" : "通知")自印发之日起施行，有效期\(3 + next(3))年。")
            }
        }
        lines.append("附：《\(topic)试点申报表》")
        for i in issuers { lines.append(i) }
        lines.append("\(year)年\(1 + next(12))月\(1 + next(28))日")
        return (lines, issuers.count)
    }

    /// A portal page around the document: navigation, metadata table, content container, footer.
    public static func html(_ lines: [String], signatureCount: Int, charset: String) -> String {
        let title = lines[0]
        let nav = (1...8).map { "<li><a href=\"/c\($0)\">栏目\($0)</a></li>" }.joined()
        let bodyLines = lines[1..<(lines.count - signatureCount - 1)].map { "<p>　　\(escape($0))</p>" }.joined(separator: "\n")
        let signature = lines[(lines.count - signatureCount - 1)...].map { "<p style=\"text-align:right\">\(escape($0))</p>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=\(charset)">
        <title>\(escape(title))_政策文件_示例门户</title>
        <script>var nav = ["首页", "政策"]; function go(a) { return a < 1; }</script></head>
        <body><div class="header"><ul class="nav">\(nav)</ul></div>
        <table class="meta"><tr><td>发文字号：</td><td>\(escape(lines[1]))</td></tr><tr><td>标题：</td><td>\(escape(title))</td></tr></table>
        <div class="article"><h1>\(escape(title))</h1>
        <div class="TRS_Editor">
        \(bodyLines)
        \(signature)
        </div></div>
        <div class="footer">版权所有：示例门户　<a href="/about">关于我们</a></div>
        </body></html>
        """
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// The file formats of the generated mix, chosen by document index (of every 20 documents: 7 UTF-8 text,
    /// 2 GB18030 text, 4 UTF-8 HTML, 3 GBK HTML, 4 DOCX).
    public enum FileKind: Sendable, CaseIterable {
        case utf8Text, gb18030Text, utf8HTML, gbkHTML, docx

        public init(index: Int) {
            switch index % 20 {
            case 0..<7: self = .utf8Text
            case 7..<9: self = .gb18030Text
            case 9..<13: self = .utf8HTML
            case 13..<16: self = .gbkHTML
            default: self = .docx
            }
        }

        /// The file extension (without the dot).
        public var fileExtension: String {
            switch self {
            case .utf8Text, .gb18030Text: "txt"
            case .utf8HTML, .gbkHTML: "html"
            case .docx: "docx"
            }
        }
    }

    /// The next document as the bytes of a file of `kind`.
    public mutating func file(index: Int, kind: FileKind) throws -> [UInt8] {
        let (lines, signatures) = document(index: index)
        let text = lines.joined(separator: "\n") + "\n"
        switch kind {
        case .utf8Text: return Array(text.utf8)
        case .gb18030Text: return encodeGB18030(text)
        case .utf8HTML: return Array(Self.html(lines, signatureCount: signatures, charset: "utf-8").utf8)
        case .gbkHTML: return encodeGB18030(Self.html(lines, signatureCount: signatures, charset: "gbk"))
        case .docx:
            return try DOCXWriter.document(lines.enumerated().map { k, line in
                DOCXWriter.Paragraph(line, rightAligned: k >= lines.count - signatures - 1)
            })
        }
    }
}
