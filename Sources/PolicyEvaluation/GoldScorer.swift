import Foundation
import PolicyCore

/// A gold item the graph missed, or a prediction that matched nothing.
public struct EvaluationFinding: Sendable, Equatable {
    public enum Kind: String, Sendable { case miss, falseHit = "false_hit" }
    /// Gold folder ("004_…-part1").
    public var source: String
    /// Measure: agency, region, programme, document, issuer, coissue_pair, target.
    public var measure: String
    public var kind: Kind
    /// What it is: a name, a title, a target text, "document: issuer".
    public var text: String
    /// Line in the seed file, when known.
    public var line: Int?
}

/// Precision/recall counts per gold folder and measure, in score.py's order, with the findings behind them.
public struct EvaluationReport: Sendable {
    public var bySource: [(source: String, measures: [(name: String, counts: MeasureCounts)])] = []
    public var findings: [EvaluationFinding] = []

    /// Counts summed over the folders, measures in first-seen order.
    public var overall: [(name: String, counts: MeasureCounts)] {
        var order: [String] = []
        var sums: [String: MeasureCounts] = [:]
        for (_, measures) in bySource {
            for (name, counts) in measures {
                if sums[name] == nil { order.append(name) }
                sums[name, default: MeasureCounts()] = sums[name, default: MeasureCounts()] + counts
            }
        }
        return order.map { ($0, sums[$0]!) }
    }
}

/// The accuracy report of shared/eval/score.py, rule for rule: names matched after normalisation through
/// alias sets (uncertain and peripheral gold items neutral), documents by 文号 or title similarity, issuers and
/// co-issuing pairs of matched documents, targets by line ±3 and value.
public func evaluate(_ graph: GraphRecords, goldDirectory: String) throws -> EvaluationReport {
    let fm = FileManager.default
    guard let entries = try? fm.contentsOfDirectory(atPath: goldDirectory) else {
        throw KGError(file: goldDirectory, "cannot list the gold folder")
    }
    let folders = entries.filter { name in
        var isDir: ObjCBool = false
        return fm.fileExists(atPath: goldDirectory + "/" + name, isDirectory: &isDir) && isDir.boolValue
    }.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }

    let nodeList = graph.nodeOrder.map { graph.nodes[$0]! }
    var issuersOf: [String: [JSONValue]] = [:]
    for e in graph.edges where e["kind"]?.string == "issued_by" {
        guard let target = e["target"], let node = graph.nodes[pythonString(target)], case .string = target else { continue }
        issuersOf[e["source"].map(pythonString) ?? "", default: []].append(node)
    }

    var report = EvaluationReport()
    for folder in folders {
        let goldPath = goldDirectory + "/" + folder
        let stem = folder.components(separatedBy: "-part")[0]
        var lo = 1, hi = 1_000_000_000
        let rangePath = goldPath + "/range.json"
        if let data = fm.contents(atPath: rangePath) {
            let range = try parseLine(String(decoding: data, as: UTF8.self).trimmingWhitespace(), path: rangePath, number: 1)
            if let a = range["first_line"]?.pythonInt { lo = a }
            if let b = range["last_line"]?.pythonInt { hi = b }
        }
        var scorer = FolderScorer(folder: folder, stem: stem, lo: lo, hi: hi, nodes: nodeList, issuersOf: issuersOf)
        let measures = try scorer.score(goldPath: goldPath)
        report.bySource.append((folder, measures))
        report.findings += scorer.findings
    }
    return report
}

/// One gold folder's scoring.
struct FolderScorer {
    let folder: String
    let stem: String
    let lo: Int
    let hi: Int
    let nodes: [JSONValue]
    let issuersOf: [String: [JSONValue]]
    var findings: [EvaluationFinding] = []

    init(folder: String, stem: String, lo: Int, hi: Int, nodes: [JSONValue], issuersOf: [String: [JSONValue]]) {
        self.folder = folder; self.stem = stem; self.lo = lo; self.hi = hi; self.nodes = nodes; self.issuersOf = issuersOf
    }

    func evidence(_ rec: JSONValue) -> [JSONValue] { rec["evidence"]?.array ?? [] }

    func inPart(_ rec: JSONValue) -> Bool {
        for ev in evidence(rec) {
            let src = pathStem(ev["source"].map(pythonString) ?? "")
            if src == stem, let line = ev["line"]?.pythonInt, lo <= line, line <= hi { return true }
        }
        return false
    }

    /// {norm(label)} ∪ ({norm(alias)} − {""}) — the label's norm stays even when empty, as in score.py.
    func names(_ rec: JSONValue) -> Set<String> {
        var set: Set<String> = [scoreNormalized(rec["label"]?.string ?? "")]
        for a in rec["aliases"]?.array ?? [] {
            let n = scoreNormalized(pythonString(a))
            if !n.isEmpty { set.insert(n) }
        }
        return set
    }

    func load(_ goldPath: String, _ name: String) throws -> [JSONValue] {
        let path = goldPath + "/" + name + ".jsonl"
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try readJSONLLines(path).map { try parseLine($0.1, path: path, number: $0.0) }
    }

    mutating func note(_ measure: String, _ kind: EvaluationFinding.Kind, _ text: String, _ line: Int?) {
        findings.append(EvaluationFinding(source: folder, measure: measure, kind: kind, text: text, line: line))
    }

    func firstLine(_ rec: JSONValue) -> Int? {
        for ev in evidence(rec) where pathStem(ev["source"].map(pythonString) ?? "") == stem {
            if let l = ev["line"]?.pythonInt { return l }
        }
        return nil
    }

    mutating func score(goldPath: String) throws -> [(name: String, counts: MeasureCounts)] {
        var part: [(name: String, counts: MeasureCounts)] = []
        for (kind, file) in [("agency", "agencies"), ("region", "regions"), ("programme", "programmes")] {
            part.append((kind, try scoreNames(kind: kind, gold: try load(goldPath, file))))
        }
        let (documents, issuers, pairs) = try scoreDocuments(goldPath: goldPath)
        part.append(("document", documents))
        part.append(("issuer", issuers))
        part.append(("coissue_pair", pairs))
        part.append(("target", scoreTargets(try load(goldPath, "targets"))))
        return part
    }

    mutating func scoreNames(kind: String, gold: [JSONValue]) throws -> MeasureCounts {
        let goldSets: [Set<String>] = gold.map { g in
            var s: Set<String> = [scoreNormalized(g["canonical"]?.string ?? "")]
            for x in g["surfaces"]?.array ?? [] { s.insert(scoreNormalized(pythonString(x))) }
            s.remove("")
            return s
        }
        let certain = gold.map { g in
            !(g["uncertain"]?.isTruthy ?? false) && (g["confidence"] ?? .string("core")) == .string("core")
        }
        let predicted = nodes.filter { $0["kind"]?.string == kind && inPart($0) }
        var counts = MeasureCounts()
        var predictedNames: [Set<String>] = []
        for n in predicted {
            let ns = names(n)
            predictedNames.append(ns)
            let hit = goldSets.indices.filter { !goldSets[$0].isDisjoint(with: ns) }
            if !hit.isEmpty && !hit.contains(where: { certain[$0] }) { continue }
            counts.predicted += 1
            if hit.isEmpty { note(kind, .falseHit, n["label"]?.string ?? "", firstLine(n)) } else { counts.matchedPredicted += 1 }
        }
        for i in goldSets.indices where certain[i] {
            counts.gold += 1
            if predictedNames.contains(where: { !$0.isDisjoint(with: goldSets[i]) }) {
                counts.matchedGold += 1
            } else {
                note(kind, .miss, gold[i]["canonical"]?.string ?? "", gold[i]["lines"]?.array?.first?.pythonInt)
            }
        }
        return counts
    }

    func matchDocument(_ g: JSONValue, _ p: JSONValue) -> Bool {
        let attrs = p["attrs"]?.object ?? [:]
        if let gn = g["doc_number"], gn.isTruthy, let pn = attrs["doc_number"], pn.isTruthy {
            return scoreDocumentNumber(pythonString(gn)) == scoreDocumentNumber(pythonString(pn))
        }
        let predictedTitle: String
        if let t = attrs["title"], t.isTruthy { predictedTitle = pythonString(t) } else { predictedTitle = p["label"]?.string ?? "" }
        return titlesMatch(g["title"]?.string ?? "", predictedTitle)
    }

    mutating func scoreDocuments(goldPath: String) throws -> (MeasureCounts, MeasureCounts, MeasureCounts) {
        let all = try load(goldPath, "documents")
        let gold = all.filter { !($0["uncertain"]?.isTruthy ?? false) }
        let uncertain = all.filter { $0["uncertain"]?.isTruthy ?? false }
        let predicted = nodes.filter { $0["kind"]?.string == "document" && inPart($0) }
        var pairs: [(Int, Int)] = []
        var used = Set<Int>()
        for (gi, g) in gold.enumerated() {
            for (pi, p) in predicted.enumerated() where !used.contains(pi) && matchDocument(g, p) {
                pairs.append((gi, pi)); used.insert(pi); break
            }
        }
        var soft = Set<Int>()
        for (pi, p) in predicted.enumerated() where !used.contains(pi) && uncertain.contains(where: { matchDocument($0, p) }) {
            soft.insert(pi)
        }
        let documents = MeasureCounts(matchedPredicted: used.count, predicted: predicted.count - soft.count,
                                      matchedGold: pairs.count, gold: gold.count)
        for (pi, p) in predicted.enumerated() where !used.contains(pi) && !soft.contains(pi) {
            let title = p["attrs"]?["title"]?.string ?? p["label"]?.string ?? ""
            let number = p["attrs"]?["doc_number"]?.string.map { " \($0)" } ?? ""
            note("document", .falseHit, title + number, firstLine(p))
        }

        var aliasOrder: [String] = []
        var aliasSets: [String: Set<String>] = [:]
        for a in try load(goldPath, "agencies") {
            let canon = scoreNormalized(a["canonical"]?.string ?? "")
            var s: Set<String> = [canon]
            for x in a["surfaces"]?.array ?? [] { s.insert(scoreNormalized(pythonString(x))) }
            if aliasSets.updateValue(s, forKey: canon) == nil { aliasOrder.append(canon) }
        }
        func agencyKey(_ agency: JSONValue) -> String {
            let ns = names(agency)
            for canon in aliasOrder where !ns.isDisjoint(with: aliasSets[canon]!) { return canon }
            return scoreNormalized(agency["label"]?.string ?? "")
        }
        func pairCount(_ n: Int) -> Int { n * (n - 1) / 2 }
        func complete(_ g: JSONValue) -> Bool { g["issuers_complete"].map { $0.isTruthy } ?? true }

        var issuers = MeasureCounts()
        var coissue = MeasureCounts()
        for (gi, pi) in pairs {
            let g = gold[gi], p = predicted[pi]
            let goldSet = Set((g["issuers"]?.array ?? []).map { scoreNormalized(pythonString($0)) })
            let predictedSet = Set((issuersOf[p["id"].map(pythonString) ?? ""] ?? []).map(agencyKey))
            let common = predictedSet.intersection(goldSet).count
            issuers = issuers + MeasureCounts(matchedPredicted: common, predicted: predictedSet.count, matchedGold: common, gold: goldSet.count)
            let title = g["title"]?.string ?? ""
            for x in goldSet.subtracting(predictedSet).sorted() { note("issuer", .miss, "\(title): \(x)", g["line"]?.pythonInt) }
            for x in predictedSet.subtracting(goldSet).sorted() { note("issuer", .falseHit, "\(title): \(x)", g["line"]?.pythonInt) }
            if complete(g) {
                coissue = coissue + MeasureCounts(matchedPredicted: pairCount(common), predicted: pairCount(predictedSet.count),
                                                  matchedGold: pairCount(common), gold: pairCount(goldSet.count))
            }
        }
        let matched = Set(pairs.map(\.0))
        for (gi, g) in gold.enumerated() where !matched.contains(gi) {
            let goldSet = Set((g["issuers"]?.array ?? []).map { scoreNormalized(pythonString($0)) })
            issuers.gold += goldSet.count
            if complete(g) { coissue.gold += pairCount(goldSet.count) }
            let number = g["doc_number"]?.string.map { " \($0)" } ?? ""
            note("document", .miss, (g["title"]?.string ?? "") + number, g["line"]?.pythonInt)
        }
        return (documents, issuers, coissue)
    }

    mutating func scoreTargets(_ all: [JSONValue]) -> MeasureCounts {
        let gold = all.filter { !($0["uncertain"]?.isTruthy ?? false) }
        let uncertain = all.filter { $0["uncertain"]?.isTruthy ?? false }
        let predicted = nodes.filter { $0["kind"]?.string == "target" && inPart($0) }
        func targetLine(_ n: JSONValue) -> JSONValue? {
            for ev in evidence(n) where pathStem(ev["source"].map(pythonString) ?? "") == stem { return ev["line"] ?? .null }
            return nil
        }
        func matches(_ g: JSONValue, _ n: JSONValue) -> Bool {
            guard let l = targetLine(n), l.isNumber, let line = l.pythonFloat,
                  let goldLine = g["line"]?.pythonFloat, abs(line - goldLine) <= 3 else { return false }
            guard let goldValue = g["value"], goldValue != .null else { return true }
            guard let v = (n["attrs"]?["value"] ?? .null).pythonFloat, let gv = goldValue.pythonFloat else { return false }
            return abs(v - gv) < 1e-9
        }
        var counts = MeasureCounts(gold: gold.count)
        for n in predicted {
            if gold.contains(where: { matches($0, n) }) {
                counts.matchedPredicted += 1; counts.predicted += 1
            } else if !uncertain.contains(where: { matches($0, n) }) {
                counts.predicted += 1
                note("target", .falseHit, n["label"]?.string ?? "", firstLine(n))
            }
        }
        for g in gold {
            if predicted.contains(where: { matches(g, $0) }) { counts.matchedGold += 1 } else {
                note("target", .miss, g["text"]?.string ?? "", g["line"]?.pythonInt)
            }
        }
        return counts
    }
}

extension JSONValue {
    /// A JSON number (int, float or bool — what Python's `abs(l - …)` accepts).
    var isNumber: Bool {
        switch self { case .int, .double, .bool: return true; default: return false }
    }
}
