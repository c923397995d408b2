import Foundation
import TestSupport
import Testing
import PolicyCore
@testable import PolicyEvaluation

@Suite struct FindingsTests {
    /// A one-folder gold set written here, and a graph with one hit, one false hit and one miss per measure.
    @Test func missesAndFalseHitsAreListed() throws {
        let root = NSTemporaryDirectory() + "kg-eval-findings-\(getpid())"
        let gold = root + "/gold/seed_a"
        try FileManager.default.createDirectory(atPath: gold, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        func write(_ name: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(toFile: gold + "/" + name, atomically: true, encoding: .utf8)
        }
        try write("agencies.jsonl", [
            #"{"canonical": "财政部", "surfaces": [], "level": "central", "lines": [3]}"#,
            #"{"canonical": "商务部", "surfaces": [], "level": "central", "lines": [9]}"#,
        ])
        try write("documents.jsonl", [
            #"{"line": 2, "title": "财政部关于推进冷链物流示范工作的通知", "doc_number": "财建〔2031〕7号", "issuers": ["财政部", "商务部"], "issuers_complete": true}"#,
        ])
        try write("targets.jsonl", [#"{"line": 20, "text": "冷链流通率达到60%以上", "value": 60}"#])
        let ev = #"[{"source": "in/seed_a.txt", "line": 3, "column": 1, "byte_start": 0, "byte_end": 3, "text": "x"}]"#
        let graphPath = root + "/graph.jsonl"
        try [
            #"{"type": "node", "id": "a:1", "kind": "agency", "label": "财政部", "aliases": [], "attrs": {}, "evidence": \#(ev)}"#,
            #"{"type": "node", "id": "a:2", "kind": "agency", "label": "某某局", "aliases": [], "attrs": {}, "evidence": \#(ev)}"#,
            #"{"type": "node", "id": "d:1", "kind": "document", "label": "x", "aliases": [], "attrs": {"doc_number": "财建[2031]7号"}, "evidence": \#(ev)}"#,
            #"{"type": "edge", "id": "e1", "kind": "issued_by", "source": "d:1", "target": "a:1", "attrs": {"order": 1}, "evidence": []}"#,
            #"{"type": "node", "id": "t:1", "kind": "target", "label": "损耗率8%", "aliases": [], "attrs": {"value": 8}, "evidence": \#(ev)}"#,
        ].joined(separator: "\n").write(toFile: graphPath, atomically: true, encoding: .utf8)

        let report = try evaluate(try GraphRecords.load(path: graphPath), goldDirectory: root + "/gold")
        let counts = Dictionary(uniqueKeysWithValues: report.overall.map { ($0.name, $0.counts) })
        #expect(counts["agency"] == MeasureCounts(matchedPredicted: 1, predicted: 2, matchedGold: 1, gold: 2))
        #expect(counts["document"] == MeasureCounts(matchedPredicted: 1, predicted: 1, matchedGold: 1, gold: 1))
        #expect(counts["issuer"] == MeasureCounts(matchedPredicted: 1, predicted: 1, matchedGold: 1, gold: 2))
        #expect(counts["coissue_pair"] == MeasureCounts(matchedPredicted: 0, predicted: 0, matchedGold: 0, gold: 1))
        #expect(counts["target"] == MeasureCounts(matchedPredicted: 0, predicted: 1, matchedGold: 0, gold: 1))

        let findings = Set(report.findings.map { "\($0.measure) \($0.kind.rawValue) \($0.text)" })
        #expect(findings == [
            "agency false_hit 某某局", "agency miss 商务部",
            "issuer miss 财政部关于推进冷链物流示范工作的通知: 商务部",
            "target false_hit 损耗率8%", "target miss 冷链流通率达到60%以上",
        ])
        let text = report.text(misses: true)
        #expect(text.contains("      miss: line 9: 商务部\n"))
        #expect(text.contains("      false hit: line 3: 某某局\n"))
        #expect(text.contains("  agency        P 0.500  R 0.500  F1 0.500  (2 predicted, 2 gold)\n"))
        #expect(!report.text(misses: false).contains("miss:"))
    }
}
