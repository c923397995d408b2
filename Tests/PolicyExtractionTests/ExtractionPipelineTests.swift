import Foundation
import PolicyCore
import PolicyOntology
import PolicyText
import Testing
@testable import PolicyExtraction

/// The whole pipeline on small documents written for these tests.
@Suite struct ExtractionPipelineTests {
    static let pipeline: ExtractionPipeline? = try? ExtractionPipeline(ontology: Ontology.loadDefault())

    static let notice = """
    教育部 财政部关于做好2024年学生资助工作的通知
    教财〔2024〕3号
    各省、自治区、直辖市教育厅（教委）、财政厅（局）：
    为贯彻落实《国务院办公厅关于进一步完善学生资助政策体系的意见》（国办发〔2023〕12号），现就有关事项通知如下。
    一、到2025年，家庭经济困难学生资助覆盖率达到95%以上。
    二、各地受理申请材料后 15个工作日内完成审核。
    三、教育部会同财政部加强资助资金管理。
    教育部
    财政部
    2024年3月8日

    """

    func extract(_ text: String, path: String = "fixtures/notice.txt") throws -> SourceContribution {
        let pipeline = try #require(Self.pipeline)
        return pipeline.extract(source: try SourceText(path: path, bytes: Array(text.utf8)))
    }

    @Test func noticeBecomesADocumentWithOrderedIssuers() throws {
        let c = try extract(Self.notice)
        let doc = try #require(c.nodes.first { $0.kind == .document && $0.attributes["doc_number"]?.stringValue == "教财〔2024〕3号" })
        #expect(doc.id == "document:教财〔2024〕3号")
        #expect(doc.label == "教育部 财政部关于做好2024年学生资助工作的通知" || doc.label == "教育部财政部关于做好2024年学生资助工作的通知")
        #expect(doc.attributes["doc_type"]?.stringValue == "通知")
        #expect(doc.attributes["date"]?.stringValue == "2024-03-08")
        #expect(doc.attributes["doc_year"]?.intValue == 2024)
        #expect(doc.attributes["doc_serial"]?.intValue == 3)
        #expect(doc.attributes["joint_issue"] == .bool(false))
        #expect(doc.evidence.first?.line == 1)
        #expect(doc.evidence.first?.source == "fixtures/notice.txt")
        let issued = c.edges.filter { $0.kind == .issuedBy && $0.source == doc.id }
            .sorted { ($0.attributes["order"]?.intValue ?? 0) < ($1.attributes["order"]?.intValue ?? 0) }
        #expect(issued.map(\.target) == ["agency:教育部", "agency:财政部"])
        #expect(issued.map { $0.attributes["order"]?.intValue } == [1, 2])
    }

    @Test func citedTitleWithIssuerIsADocumentAndIsCited() throws {
        let c = try extract(Self.notice)
        let cited = try #require(c.nodes.first { $0.id == "document:国办发〔2023〕12号" })
        #expect(cited.attributes["full_text"] == .bool(false))
        #expect(c.edges.contains { $0.kind == .issuedBy && $0.source == cited.id && $0.target == "agency:国务院办公厅" })
        #expect(c.edges.contains { $0.kind == .cites && $0.source == "document:教财〔2024〕3号" && $0.target == cited.id })
        let citation = try #require(c.edges.first { $0.kind == .cites })
        #expect(citation.evidence.first?.line == 4)
    }

    @Test func targetsAndRelations() throws {
        let c = try extract(Self.notice)
        let targets = c.nodes.filter { $0.kind == .target }
        let goal = try #require(targets.first { $0.attributes["value"]?.doubleValue == 95 })
        #expect(goal.attributes["comparator"]?.stringValue == ">=")
        #expect(goal.attributes["deadline"]?.stringValue == "2025")
        #expect(goal.evidence.first?.line == 5)
        let cap = try #require(targets.first { $0.attributes["value"]?.doubleValue == 15 })
        #expect(cap.attributes["kind"]?.stringValue == "cap")
        #expect(c.edges.contains { $0.kind == .setsTarget && $0.source == "document:教财〔2024〕3号" && $0.target == goal.id })
        #expect(c.edges.contains { $0.kind == .cooperates && $0.source == "agency:教育部" && $0.target == "agency:财政部" })
    }

    @Test func everyNodeHasEvidenceAtItsOriginalPosition() throws {
        let text = Self.notice
        let c = try extract(text)
        let bytes = Array(text.utf8)
        for node in c.nodes {
            let ev = try #require(node.evidence.first, "\(node.id) has no evidence")
            #expect(ev.byteStart < ev.byteEnd && ev.byteEnd <= bytes.count)
            // The line number agrees with the byte offset in the original file.
            let line = bytes[..<ev.byteStart].filter { $0 == 0x0A }.count + 1
            #expect(ev.line == line, "\(node.id)")
        }
        for edge in c.edges {
            #expect(c.nodes.contains { $0.id == edge.source } && c.nodes.contains { $0.id == edge.target }, "\(edge.id)")
        }
    }

    /// Evidence means the statement: an issuer's evidence shows the text at its own offsets (the title, the 署名
    /// line, the sentence of a reported issuance), never the title printed against the signature's line.
    @Test(arguments: [
        (notice, "fixtures/notice.txt"),
        ("近日，水利部、国家发展改革委联合印发了《农村供水保障规划》，提出具体要求。\n据介绍，规划由两部门共同编制。\n", "news.txt"),
    ])
    func issuerEvidenceShowsTheTextAtItsOffsets(text: String, path: String) throws {
        let c = try extract(text, path: path)
        let bytes = Array(text.utf8)
        let issued = c.edges.filter { $0.kind == .issuedBy }
        #expect(!issued.isEmpty)
        for edge in issued {
            let ev = try #require(edge.evidence.first)
            let stated = String(decoding: bytes[ev.byteStart..<ev.byteEnd], as: UTF8.self)
            #expect(ev.text.contains(stated), "\(edge.id): '\(stated)' is not in '\(ev.text)'")
        }
    }

    /// Facts from the ontology cite the ontology's row (a region's parent); a body placed under its parent by its
    /// own name cites where the name is written. Near miss: neither cites a sentence that does not name the child.
    @Test func partOfCitesWhatStatesIt() throws {
        let text = "江苏省南京市人民政府办公厅关于做好老旧小区改造工作的通知\n江苏省人民政府要求南京市于2025年底前完成改造任务，江苏省财政厅给予资金支持。\n"
        let c = try extract(text, path: "nanjing.txt")
        let parts = c.edges.filter { $0.kind == .partOf }
        let city = try #require(parts.first { $0.source == "region:320100" })
        #expect(city.target == "region:320000")
        #expect(city.attributes["basis"]?.stringValue == "ontology")
        let row = try #require(city.evidence.first)
        #expect(row.source == "Ontology/regions.tsv" && row.text.hasPrefix("320100\t南京市"))
        let ontologyFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Ontology/regions.tsv").path
        let lines = try String(contentsOfFile: ontologyFile, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines[row.line - 1] == row.text)
        let bureau = try #require(parts.first { $0.source == "agency:江苏省财政厅" })
        #expect(bureau.attributes["basis"]?.stringValue == "name")
        #expect(bureau.evidence.first?.text.contains("江苏省财政厅") == true)
    }

    @Test func reportedIssuanceInProse() throws {
        let text = "近日，水利部、国家发展改革委联合印发了《农村供水保障规划》，提出具体要求。\n据介绍，规划由两部门共同编制。\n"
        let c = try extract(text, path: "news.txt")
        let doc = try #require(c.nodes.first { $0.kind == .document })
        #expect(doc.label == "农村供水保障规划")
        #expect(doc.attributes["full_text"] == .bool(false))
        #expect(doc.attributes["doc_type"]?.stringValue == "规划")
        let issuers = c.edges.filter { $0.kind == .issuedBy }.sorted { ($0.attributes["order"]?.intValue ?? 0) < ($1.attributes["order"]?.intValue ?? 0) }
        #expect(issuers.map(\.target) == ["agency:水利部", "agency:国家发展和改革委员会"])
        let ndrc = try #require(c.nodes.first { $0.id == "agency:国家发展和改革委员会" })
        #expect(ndrc.aliases.contains("国家发展改革委"))
    }

    @Test func reportedIssuanceTakesTheNumberAfterTheTitle() throws {
        let text = "经国务院同意，国务院办公厅日前印发《关于促进家政服务业提质扩容的意见》（国办发〔2019〕30号）。\n"
        let c = try extract(text, path: "brief.txt")
        let doc = try #require(c.nodes.first { $0.kind == .document })
        #expect(doc.id == "document:国办发〔2019〕30号")
        #expect(doc.label == "关于促进家政服务业提质扩容的意见")
        #expect(c.edges.filter { $0.kind == .issuedBy }.map(\.target) == ["agency:国务院办公厅"])
    }

    @Test func contentHashIsSHA256OfTheFileBytes() throws {
        #expect(ExtractionPipeline.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let c = try extract(Self.notice)
        #expect(c.contentHash == ExtractionPipeline.sha256Hex(Array(Self.notice.utf8)))
        #expect(c.path == "fixtures/notice.txt")
    }

    @Test func unreadableFileIsAnErrorNamingIt() throws {
        let pipeline = try #require(Self.pipeline)
        #expect(throws: KGError.self) { try pipeline.extract(file: "/nonexistent/policy.txt") }
    }
}
