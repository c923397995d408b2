import Foundation
import TestSupport
import Testing
@testable import PolicyEvaluation

/// Generates a graph from the gold annotations with seeded noise (alias surfaces, wrong names, truncated
/// titles, bracket variants, off-by-n lines, wrong values, float lines, uncertain-only matches) — the cases
/// where the scorer's rules decide.
func generatedGraph(gold: String, seed: UInt64) throws -> String {
    var rng = SeededGenerator(seed: seed)
    func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    var lines: [String] = []
    func evidence(_ source: String, _ line: String) -> String {
        "[{\"source\": \(jsonString(source)), \"line\": \(line), \"column\": 1, \"byte_start\": 0, \"byte_end\": 1, \"text\": \"x\"}]"
    }
    func node(_ id: String, _ kind: String, _ label: String, aliases: [String] = [], attrs: String = "{}", _ ev: String) {
        lines.append("{\"type\": \"node\", \"id\": \(jsonString(id)), \"kind\": \(jsonString(kind)), \"label\": \(jsonString(label)), \"aliases\": [\(aliases.map(jsonString).joined(separator: ", "))], \"attrs\": \(attrs), \"evidence\": \(ev)}")
    }
    func edge(_ source: String, _ target: String, order: Int) {
        lines.append("{\"type\": \"edge\", \"id\": \"e\", \"kind\": \"issued_by\", \"source\": \(jsonString(source)), \"target\": \(jsonString(target)), \"attrs\": {\"order\": \(order)}, \"evidence\": []}")
    }
    func load(_ path: String) throws -> [JSONValue] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }
    let folders = try FileManager.default.contentsOfDirectory(atPath: gold).sorted().filter {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: gold + "/" + $0, isDirectory: &d) && d.boolValue
    }
    for folder in folders {
        let stem = folder.components(separatedBy: "-part")[0]
        let source = chance(0.5) ? "corpus/\(stem).txt" : "\(stem).txt"
        var low = 1
        if let range = try load("\(gold)/\(folder)/range.json").first, let a = range["first_line"]?.pythonInt { low = a }
        for (kind, file) in [("agency", "agencies"), ("region", "regions"), ("programme", "programmes")] {
            for (i, g) in try load("\(gold)/\(folder)/\(file).jsonl").enumerated() where chance(0.6) {
                let surfaces = [g["canonical"]?.string ?? ""] + (g["surfaces"]?.array ?? []).compactMap(\.string)
                var label = surfaces.randomElement(using: &rng)!
                if chance(0.1) { label = label.unicodeScalars.map { $0.value >= 0x21 && $0.value <= 0x7E ? String(Unicode.Scalar($0.value + 0xFEE0)!) : String($0) }.joined() }
                let line = g["lines"]?.array?.first?.pythonInt ?? low
                let lineText = chance(0.05) ? "\(line).0" : chance(0.05) ? "\(line + 2_000_000_000)" : "\(line)"
                node("\(kind):\(folder):\(i)", kind, chance(0.1) ? "某机构\(i)" : label, aliases: chance(0.2) ? [label, ""] : [], evidence(source, lineText))
            }
            node("\(kind):\(folder):bogus", kind, "虚构名称", evidence(source, "\(low)"))
        }
        for (i, g) in try load("\(gold)/\(folder)/documents.jsonl").enumerated() where chance(0.75) {
            let id = "document:\(folder):\(i)"
            var title = g["title"]?.string ?? ""
            if chance(0.3) { title = String(title.unicodeScalars.dropLast(Int.random(in: 1...6, using: &rng)).map(Character.init)) }
            if chance(0.1) { title = "《" + title + "》" }
            var attrs = "{\"title\": \(jsonString(title))"
            if let number = g["doc_number"]?.string, chance(0.6) {
                let variant = chance(0.5) ? number.replacingOccurrences(of: "〔", with: "[").replacingOccurrences(of: "〕", with: "]") : number
                attrs += ", \"doc_number\": \(jsonString(chance(0.1) ? variant + "1" : variant))"
            }
            attrs += "}"
            let line = g["line"]?.pythonInt ?? low
            node(id, "document", title, attrs: attrs, evidence(source, "\(line)"))
            for (j, issuer) in (g["issuers"]?.array ?? []).compactMap(\.string).enumerated() where chance(0.75) {
                node("agency:\(issuer)", "agency", issuer, evidence(source, "\(line)"))
                edge(id, "agency:\(issuer)", order: j + 1)
            }
            if chance(0.3) {
                node("agency:wrong\(folder)\(i)", "agency", "某某委员会", evidence(source, "\(line)"))
                edge(id, "agency:wrong\(folder)\(i)", order: 9)
            }
        }
        node("document:\(folder):bogus", "document", "关于虚构事项的通知", attrs: "{\"title\": \"关于虚构事项的通知\"}", evidence(source, "\(low)"))
        for (i, g) in try load("\(gold)/\(folder)/targets.jsonl").enumerated() where chance(0.7) {
            let line = (g["line"]?.pythonInt ?? low) + [-4, -3, 0, 0, 2, 3, 5].randomElement(using: &rng)!
            let value: String
            if chance(0.15) { value = "12345" } else if chance(0.1) { value = "\"\(g["value"]?.pythonFloat ?? 0)\"" } else if chance(0.05) { value = "null" } else {
                switch g["value"] { case .int(let v)?: value = "\(v)"; case .double(let v)?: value = "\(v)"; default: value = "1" }
            }
            node("target:\(folder):\(i)", "target", g["text"]?.string ?? "", attrs: "{\"value\": \(value)}", evidence(source, "\(line)"))
        }
    }
    return lines.joined(separator: "\n") + "\n"
}

@Suite struct ScorerParityTests {
    static let gold = sharedDirectory + "/gold"
    static let score = sharedDirectory + "/eval/score.py"
    static let available = FileManager.default.fileExists(atPath: score) && hasExecutable("python3")

    @Test(.enabled(if: available || isCI, "needs python3 and shared/eval/score.py"))
    func sameNumbersAsScorePy() throws {
        try #require(Self.available, "python3 or \(Self.score) missing")
        var sums: [String: MeasureCounts] = [:]
        for seed in [1, 7, 42, 2026] as [UInt64] {
            let graph = try generatedGraph(gold: Self.gold, seed: seed)
            let path = NSTemporaryDirectory() + "kg-eval-parity-\(seed)-\(getpid()).jsonl"
            try graph.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }

            let python = try run("python3", [Self.score, path, Self.gold, "--json"])
            #expect(python.status == 0)
            let ours = try evaluate(try GraphRecords.load(jsonl: path), goldDirectory: Self.gold)
            // The parsed numbers agree, and so does the text itself.
            #expect(try JSONValue.parse(ours.json()) == (try JSONValue.parse(python.output)), "seed \(seed)")
            #expect(ours.json() + "\n" == python.output, "seed \(seed)")
            for (name, counts) in ours.overall { sums[name, default: MeasureCounts()] = sums[name, default: MeasureCounts()] + counts }
        }
        // The generated graphs exercise both sides of every measure: hits and false hits, finds and misses.
        for measure in ["agency", "region", "programme", "document", "issuer", "coissue_pair", "target"] {
            let c = try #require(sums[measure])
            #expect(c.matchedPredicted > 0 && c.matchedPredicted < c.predicted, "\(measure): \(c)")
            #expect(c.matchedGold > 0 && c.matchedGold < c.gold, "\(measure): \(c)")
        }
    }
}

@Suite struct ScoreRuleTests {
    @Test func normalisationFollowsScorePy() {
        #expect(scoreNormalized("财金〔2022〕 119号") == "财金[2022]119号")
        #expect(scoreNormalized("《ＰＰＰ　规范》") == "PPP规范")
        #expect(scoreNormalized("“一带一路”—倡议") == "一带一路-倡议")
        #expect(scoreDocumentNumber("国发(2022)3号") == "国发[2022]3号")
        #expect(scoreDocumentNumber(" ") == nil)
    }

    @Test func titleSimilarity() {
        #expect(titlesMatch("关于推进示范工作的通知", "财政部关于推进示范工作的通知"))
        #expect(!titlesMatch("通知", "财政部通知"))          // contained but shorter than 6
        #expect(!titlesMatch("关于推进示范工作的通知", "关于加强债务管理的意见"))
    }

    @Test func jsonKeepsIntegersApartFromFloats() throws {
        let v = try JSONValue.parse(#"{"a": 3, "b": 3.0, "c": [true, null, "\u4e2d"], "a": 4}"#)
        #expect(v["a"] == .int(4))
        #expect(v["b"] == .double(3))
        #expect(v["b"]?.pythonInt == nil)
        #expect(v["c"]?.array?[0].pythonInt == 1)
        #expect(v["c"]?.array?[2] == .string("中"))
        #expect(throws: JSONParseError.self) { try JSONValue.parse("{\"a\": }") }
    }

    @Test func stemsAsPythonSplitext() {
        #expect(pathStem("corpus/004_x.txt") == "004_x")
        #expect(pathStem("a/b.c.d") == "b.c")
        #expect(pathStem(".hidden") == ".hidden")
        #expect(pathStem("noext") == "noext")
    }
}
