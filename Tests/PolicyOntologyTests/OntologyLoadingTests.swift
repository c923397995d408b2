import Foundation
import Testing
import PolicyCore
@testable import PolicyOntology

/// The package's Ontology/ directory, found from this file's path.
let ontologyDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Ontology").path

@Suite struct OntologyLoadingTests {
    @Test func loadsShippedData() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        #expect(o.agencies.count > 150)
        #expect(o.regions.count > 3000)
        #expect(o.programmes.count > 100)
        #expect(!o.targetVocabulary.units.isEmpty)
        #expect(o.organizations.contains { $0.canonical == "中国工商银行" && $0.kind == "bank" })
    }

    @Test func malformedLinesNameFileAndLine() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("ontology-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        for name in try fm.contentsOfDirectory(atPath: ontologyDirectory) where name.hasSuffix(".tsv") || name.hasSuffix(".txt") {
            try fm.copyItem(atPath: ontologyDirectory + "/" + name, toPath: dir.appendingPathComponent(name).path)
        }
        let agencies = dir.appendingPathComponent("agencies.tsv")
        let good = try String(contentsOf: agencies, encoding: .utf8)
        try (good + "测试机构\t\tnot-a-level\n").write(to: agencies, atomically: true, encoding: .utf8)
        let lineCount = good.split(separator: "\n", omittingEmptySubsequences: false).count
        do {
            _ = try Ontology.load(directory: dir.path)
            Issue.record("a bad level must fail the load")
        } catch let error as KGError {
            #expect(error.file == agencies.path)
            #expect(error.line == lineCount)
            #expect(error.message.contains("not-a-level"))
        }
        // an unknown parent also names its line
        try (good + "测试机构\t\tcentral\t不存在的上级\n").write(to: agencies, atomically: true, encoding: .utf8)
        #expect(throws: KGError.self) { try Ontology.load(directory: dir.path) }
    }

    @Test func agencyAliasesResolveToCanonicalNames() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        for alias in ["国家发展改革委", "国家发改委", "发展改革委", "发改委"] {
            #expect(o.agency(named: alias)?.canonical == "国家发展和改革委员会")
        }
        #expect(o.agency(named: "工信部")?.canonical == "工业和信息化部")
        #expect(o.agency(named: "央行")?.canonical == "中国人民银行")
        #expect(o.agency(named: "住房城乡建设部")?.canonical == "住房和城乡建设部")
        #expect(o.agency(named: "科技部")?.level == .central)
    }

    @Test func reformSuccessorsAndValidity() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        let cbirc = try #require(o.agency(named: "银保监会"))
        #expect(cbirc.canonical == "中国银行保险监督管理委员会")
        #expect(cbirc.validUntil == 2023)
        #expect(cbirc.successor == "国家金融监督管理总局")
        #expect(o.agency(named: "国家乡村振兴局")?.successor == "农业农村部")
        // every parent and successor names a listed body
        for a in o.agencies {
            if let p = a.parent { #expect(o.agency(named: p) != nil, "parent of \(a.canonical)") }
            if let s = a.successor { #expect(o.agency(named: s) != nil, "successor of \(a.canonical)") }
        }
    }

    @Test func regionsHaveCodesHierarchyAndShortForms() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        let jiangsu = try #require(o.region(code: "320000"))
        #expect(jiangsu.canonical == "江苏省")
        #expect(jiangsu.aliases.contains("江苏"))
        #expect(o.regions(named: "广西").first?.canonical == "广西壮族自治区")
        #expect(o.regions(named: "内蒙古").first?.level == .province)
        let beihai = try #require(o.regions(named: "北海").first)
        #expect(beihai.canonical == "北海市")
        #expect(beihai.parentCode == "450000")
        // ambiguous district names stay representable: several entries, same name
        #expect(o.regions(named: "鼓楼区").count >= 3)
        #expect(o.province(containing: "320106")?.canonical == "江苏省")
        // named areas
        #expect(o.regions(named: "长三角").first?.level == .area)
        #expect(o.regions(named: "粤港澳大湾区").first?.id == "region:area:粤港澳大湾区")
    }

    @Test func everyRegionParentExists() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        for r in o.regions {
            if let p = r.parentCode { #expect(o.region(code: p) != nil, "parent of \(r.canonical)") }
        }
    }

    @Test func programmesAndTargetVocabulary() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        #expect(o.programme(named: "PPP")?.canonical == "政府和社会资本合作")
        #expect(o.programme(named: "832平台")?.core == true)
        let v = o.targetVocabulary
        #expect(v.unit(named: "亿元")?.scale == 1e8)
        #expect(v.comparators(at: .prefix).first { $0.phrase == "不超过" }?.symbol == "<=")
        #expect(v.comparators(at: .suffix).first { $0.phrase == "以上" }?.symbol == ">=")
        #expect(v.redLineWords.contains("红线"))
        // longest first, so that 万亿元 is tried before 亿元
        let names = v.units.map(\.name)
        #expect(names.firstIndex(of: "万亿元")! < names.firstIndex(of: "亿元")!)
    }
}
