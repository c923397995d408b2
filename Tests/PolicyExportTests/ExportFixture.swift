import PolicyCore
import PolicyStore

/// A small hand-written graph (invented text, not from the corpus) with the cases exporters must get right:
/// co-issued documents with signature order, aliases, a document without a date, a target whose attribute `kind`
/// clashes with the node kind column, text needing NFC (a decomposed é), a form feed and other XML-illegal
/// controls, quotes/angle brackets/ampersands/backslashes, and two source files.
enum ExportFixture {
    static let fileA = "fixtures/甲.txt"
    static let fileB = "fixtures/b file.txt"

    static func ev(_ file: String, _ line: Int, _ text: String) -> Evidence {
        Evidence(source: file, line: line, column: 3, byteStart: line * 100, byteEnd: line * 100 + text.utf8.count, text: text)
    }

    static func graph() -> Graph {
        var a = SourceContribution(path: fileA, contentHash: "aa")
        var b = SourceContribution(path: fileB, contentHash: "bb")
        let mof = "agency:财政部", ndrc = "agency:国家发展改革委", mee = "agency:生态环境部", mwr = "agency:水利部"
        a.nodes += [
            NodeRecord(id: mof, kind: .agency, label: "财政部", aliases: ["中华人民共和国财政部"],
                       attributes: ["level": .string("central")], evidence: [ev(fileA, 2, "财政部会同有关部门印发通知。")]),
            NodeRecord(id: ndrc, kind: .agency, label: "国家发展改革委", evidence: [ev(fileA, 3, "国家发展改革委负责统筹。")]),
            NodeRecord(id: mee, kind: .agency, label: "生态环境部", evidence: [ev(fileA, 4, "生态环境部\u{0C}负责监督。")]),
            NodeRecord(id: "region:江北省", kind: .region, label: "江北省", evidence: [ev(fileA, 5, "在江北省开展试点。")]),
            NodeRecord(id: "programme:PPP", kind: .programme, label: "政府和社会资本合作", aliases: ["PPP"],
                       evidence: [ev(fileA, 6, "规范推进政府和社会资本合作（PPP）。")]),
            NodeRecord(id: "document:示财〔2021〕7号", kind: .document, label: "关于规范示范项目的通知",
                       attributes: ["title": .string("关于规范示范项目的通知"), "doc_number": .string("示财〔2021〕7号"),
                                    "date": .string("2021-03-05"), "doc_type": .string("通知")],
                       evidence: [ev(fileA, 1, "关于规范示范项目的通知 示财〔2021〕7号")]),
            NodeRecord(id: "document:示财〔2019〕12号", kind: .document, label: "关于\"试点\" <评估> & 验收的意见",
                       attributes: ["title": .string("关于\"试点\" <评估> & 验收的意见"), "doc_number": .string("示财〔2019〕12号"),
                                    "date": .string("2019-11"), "doc_type": .string("意见")],
                       evidence: [ev(fileA, 10, "关于\"试点\" <评估> & 验收的意见")]),
            NodeRecord(id: "target:t1", kind: .target, label: "到2025年覆盖率不低于90%",
                       attributes: ["value": .int(90), "value_max": .null, "unit": .string("%"), "comparator": .string(">="),
                                    "kind": .string("floor"), "deadline": .int(2025), "ratio": .double(0.9),
                                    "binding": .bool(true), "subjects": .strings(["农村", "城镇"])],
                       evidence: [ev(fileA, 12, "到2025年覆盖率不低于90%。")]),
        ]
        a.edges += [
            EdgeRecord(kind: .issuedBy, source: "document:示财〔2021〕7号", target: mof, attributes: ["order": .int(1)],
                       evidence: [ev(fileA, 1, "财政部 国家发展改革委 生态环境部")]),
            EdgeRecord(kind: .issuedBy, source: "document:示财〔2021〕7号", target: ndrc, attributes: ["order": .int(2)],
                       evidence: [ev(fileA, 1, "财政部 国家发展改革委 生态环境部")]),
            EdgeRecord(kind: .issuedBy, source: "document:示财〔2021〕7号", target: mee, attributes: ["order": .int(3)],
                       evidence: [ev(fileA, 1, "财政部 国家发展改革委 生态环境部")]),
            EdgeRecord(kind: .issuedBy, source: "document:示财〔2019〕12号", target: mof, attributes: ["order": .int(1)],
                       evidence: [ev(fileA, 10, "财政部 国家发展改革委")]),
            EdgeRecord(kind: .issuedBy, source: "document:示财〔2019〕12号", target: ndrc, attributes: ["order": .int(2)],
                       evidence: [ev(fileA, 10, "财政部 国家发展改革委")]),
            EdgeRecord(kind: .cites, source: "document:示财〔2021〕7号", target: "document:示财〔2019〕12号",
                       evidence: [ev(fileA, 8, "根据《关于\"试点\"评估的意见》")]),
            EdgeRecord(kind: .appliesTo, source: "document:示财〔2021〕7号", target: "region:江北省",
                       evidence: [ev(fileA, 5, "在江北省开展试点。")]),
            EdgeRecord(kind: .setsTarget, source: "document:示财〔2021〕7号", target: "target:t1",
                       evidence: [ev(fileA, 12, "到2025年覆盖率不低于90%。")]),
            EdgeRecord(kind: .mentions, source: "document:示财〔2021〕7号", target: "programme:PPP",
                       evidence: [ev(fileA, 6, "规范推进政府和社会资本合作（PPP）。")]),
        ]
        // The second file: an undated co-issued document, a decomposed accent, a backslash, and the shared agency.
        b.nodes += [
            NodeRecord(id: mof, kind: .agency, label: "财政部", evidence: [ev(fileB, 1, "财政部")]),
            NodeRecord(id: mwr, kind: .agency, label: "水利部", evidence: [ev(fileB, 2, "水利部\u{01}牵头。")]),
            NodeRecord(id: "document:无日期", kind: .document, label: "Cafe\u{301} 方案 C:\\path",
                       attributes: ["title": .string("Cafe\u{301} 方案 C:\\path"), "doc_type": .string("方案")],
                       evidence: [ev(fileB, 3, "Cafe\u{301} 方案")]),
        ]
        b.edges += [
            EdgeRecord(kind: .issuedBy, source: "document:无日期", target: mof, attributes: ["order": .int(1)],
                       evidence: [ev(fileB, 3, "财政部 水利部")]),
            EdgeRecord(kind: .issuedBy, source: "document:无日期", target: mwr, attributes: ["order": .int(2)],
                       evidence: [ev(fileB, 3, "财政部 水利部")]),
            EdgeRecord(kind: .leads, source: mwr, target: "programme:PPP", attributes: ["note": .string("牵头")]),
        ]
        var builder = GraphBuilder()
        builder.add(a)
        builder.add(b)
        return builder.freeze()
    }

    /// Agency pairs (by node id, sorted) with their number of joint documents, computed directly from issued_by
    /// edges — the reference the exporters' co-issuance views are checked against.
    static func coissueReference(_ g: Graph) -> [String: Int] {
        var issuers: [Int: Set<Int>] = [:]
        for e in 0..<g.edgeCount where g.edgeKind(e) == .issuedBy {
            issuers[g.edgeSource(e), default: []].insert(g.edgeTarget(e))
        }
        var pairs: [String: Int] = [:]
        for (_, set) in issuers where set.count >= 2 {
            let ids = set.map { g.nodeID($0) }.sorted()
            for i in 0..<ids.count { for j in (i + 1)..<ids.count { pairs[ids[i] + "|" + ids[j], default: 0] += 1 } }
        }
        return pairs
    }
}
