import Foundation
import Testing
import PolicyCore
import PolicyText
@testable import PolicyExtraction

/// Scores the recogniser against the hand annotations in shared/gold the way shared/eval/score.py matches
/// nodes: a predicted entity is its canonical name plus every surface seen; it hits a gold item when the name
/// sets meet (after NFKC and dropping spaces and quotes). Predictions matching only peripheral or uncertain
/// gold items are neutral. Rerun the numbers with Ontology/tools/score_mentions.py for error lists.
@Suite struct EntityGoldTests {
    static let shared = entityTestsPackageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static var available: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("gold").path)
            && FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus").path)
    }

    struct Score {
        var truePredicted = 0, predicted = 0, trueGold = 0, gold = 0
        var precision: Double { predicted == 0 ? 1 : Double(truePredicted) / Double(predicted) }
        var recall: Double { gold == 0 ? 1 : Double(trueGold) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    static func norm(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            switch scalar {
            case "“", "”", "\"", "《", "》", "〈", "〉": continue
            case "〔", "【": out.append("[")
            case "〕", "】": out.append("]")
            case "—", "－", "–": out.append("-")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func jsonLines(_ path: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    static func evaluate() throws -> [NodeKind: Score] {
        let goldRoot = shared.appendingPathComponent("gold")
        let corpus = shared.appendingPathComponent("corpus")
        var totals: [NodeKind: Score] = [:]
        let folders = try FileManager.default.contentsOfDirectory(atPath: goldRoot.path).sorted()
        for folder in folders {
            let folderURL = goldRoot.appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folderURL.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let stem = folder.components(separatedBy: "-part")[0]
            var lines = 1...Int.max
            if let data = FileManager.default.contents(atPath: folderURL.appendingPathComponent("range.json").path),
               let range = try JSONSerialization.jsonObject(with: data) as? [String: Int] {
                lines = (range["first_line"] ?? 1)...(range["last_line"] ?? Int.max)
            }
            let normalized = NormalizedText(try SourceText.read(path: corpus.appendingPathComponent(stem + ".txt").path))
            let bytes = normalized.utf8
            var names: [String: Set<String>] = [:]
            var kinds: [String: NodeKind] = [:]
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                for m in entityTestsRecognizer.mentions(in: bytes, range: start..<end, contextProvince: nil)
                where lines.contains(normalized.originalLine(ofCleanOffset: m.range.lowerBound)) {
                    names[m.nodeID, default: []].formUnion([norm(m.canonical), norm(m.surface)])
                    kinds[m.nodeID] = m.kind
                }
                start = end + 1
            }
            for (kind, file) in [(NodeKind.agency, "agencies"), (.region, "regions"), (.programme, "programmes")] {
                let gold = jsonLines(folderURL.appendingPathComponent(file + ".jsonl").path)
                var goldNames: [Set<String>] = []
                for g in gold {
                    var set: Set<String> = [norm(g["canonical"] as? String ?? "")]
                    for surface in g["surfaces"] as? [String] ?? [] { set.insert(norm(surface)) }
                    set.remove("")
                    goldNames.append(set)
                }
                let certain: [Bool] = gold.map { g in
                    let uncertain = g["uncertain"] as? Bool ?? false
                    let confidence = g["confidence"] as? String ?? "core"
                    return !uncertain && confidence == "core"
                }
                var score = totals[kind] ?? Score()
                let predicted = names.filter { kinds[$0.key] == kind }.map(\.value)
                for p in predicted {
                    let hits = goldNames.indices.filter { !goldNames[$0].isDisjoint(with: p) }
                    if !hits.isEmpty, !hits.contains(where: { certain[$0] }) { continue }
                    score.predicted += 1
                    if !hits.isEmpty { score.truePredicted += 1 }
                }
                for i in goldNames.indices where certain[i] {
                    score.gold += 1
                    if predicted.contains(where: { !$0.isDisjoint(with: goldNames[i]) }) { score.trueGold += 1 }
                }
                totals[kind] = score
            }
        }
        return totals
    }

    @Test(.enabled(if: available, "needs shared/gold and shared/corpus beside the package"))
    func recogniserMeetsQualityFloorsOnTheAnnotatedCorpus() throws {
        let totals = try Self.evaluate()
        for kind in [NodeKind.agency, .region, .programme] {
            let s = totals[kind] ?? Score()
            print("gold \(kind.rawValue): P \(String(format: "%.3f", s.precision)) R \(String(format: "%.3f", s.recall)) "
                  + "F1 \(String(format: "%.3f", s.f1)) (\(s.predicted) predicted, \(s.gold) gold)")
        }
        // Floors a little under the measured values, so that a regression fails the test.
        #expect((totals[.agency] ?? Score()).f1 >= 0.90)
        #expect((totals[.region] ?? Score()).f1 >= 0.88)
        #expect((totals[.programme] ?? Score()).f1 >= 0.79)  // measured 0.803
    }
}
