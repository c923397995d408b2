import PolicyCore

/// A small, fast, seeded pseudo-random generator (SplitMix64) for reproducible synthetic data.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in `0..<bound` (bound > 0).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Seeded random graph for tests and benchmarks: agencies, documents, programmes, targets and regions with
/// Chinese labels, `issued_by` edges with `order`, about `edgesPerNode` edges per node, evidence on each.
/// Node kinds are spread 5% regions, 5% agencies, 10% programmes, 20% targets, 60% documents; labels are unique.
public func makeSyntheticGraph(nodes: Int, edgesPerNode: Int, seed: UInt64) -> Graph {
    var builder = GraphBuilder()
    for c in makeSyntheticContributions(nodes: nodes, edgesPerNode: edgesPerNode, seed: seed, files: 1) {
        builder.add(c)
    }
    return builder.freeze()
}

/// The records behind `makeSyntheticGraph`, split over `files` synthetic source files (each node and edge is
/// stated in the file its evidence names; agencies and regions are stated in every file that uses them).
public func makeSyntheticContributions(nodes: Int, edgesPerNode: Int, seed: UInt64, files: Int) -> [SourceContribution] {
    var rng = SeededRandom(seed: seed)
    let total = max(nodes, 5)
    let regionCount = max(1, total / 20), agencyCount = max(1, total / 20)
    let programmeCount = max(1, total / 10), targetCount = max(1, total / 5)
    let documentCount = max(1, total - regionCount - agencyCount - programmeCount - targetCount)
    let fileCount = max(1, files)
    let paths = (0..<fileCount).map { "synthetic/政策汇编\($0 + 1).txt" }
    var contributions = paths.enumerated().map { SourceContribution(path: $1, contentHash: syntheticHash($0, seed)) }
    let sentencePool = max(64, total / 10)

    func evidence(_ file: Int, _ salt: Int) -> Evidence {
        let k = (salt &* 2_654_435_761) % sentencePool
        let line = 1 + k % 5000
        let text = SyntheticNames.sentence(k)
        return Evidence(source: paths[file], line: line, column: 1 + k % 40, byteStart: k &* 97 % 1_000_000,
                        byteEnd: k &* 97 % 1_000_000 + text.utf8.count, text: text)
    }

    // Node ids by kind.
    let regionIDs = (0..<regionCount).map { "region:" + SyntheticNames.region($0) }
    let agencyLabels = (0..<agencyCount).map { SyntheticNames.agency($0, regionCount: regionCount) }
    let agencyIDs = agencyLabels.map { "agency:" + $0 }
    let programmeLabels = (0..<programmeCount).map { SyntheticNames.programme($0) }
    let programmeIDs = programmeLabels.map { "programme:" + $0 }
    let targetIDs = (0..<targetCount).map { "target:t\($0)" }
    let documentNumbers = (0..<documentCount).map { SyntheticNames.documentNumber($0) }
    let documentIDs = documentNumbers.map { "document:" + $0 }
    let documentFile = (0..<documentCount).map { $0 % fileCount }

    // Regions, agencies and programmes are declared in every file (as shared entities are in practice).
    for f in 0..<fileCount {
        for (i, id) in regionIDs.enumerated() where i % fileCount == f || fileCount <= 4 {
            contributions[f].nodes.append(NodeRecord(id: id, kind: .region, label: SyntheticNames.region(i),
                                                     evidence: [evidence(f, i)]))
        }
        for (i, id) in agencyIDs.enumerated() where i % fileCount == f || fileCount <= 4 {
            var aliases: [String] = []
            if i % 7 == 0 { aliases.append("中华人民共和国" + agencyLabels[i]) }
            contributions[f].nodes.append(NodeRecord(id: id, kind: .agency, label: agencyLabels[i], aliases: aliases,
                                                     attributes: ["level": .string(i % 3 == 0 ? "central" : "provincial")],
                                                     evidence: [evidence(f, i + 11)]))
        }
        for (i, id) in programmeIDs.enumerated() where i % fileCount == f || fileCount <= 4 {
            var aliases: [String] = []
            if i % 5 == 0 { aliases.append(SyntheticNames.acronym(i)) }
            contributions[f].nodes.append(NodeRecord(id: id, kind: .programme, label: programmeLabels[i],
                                                     aliases: aliases, evidence: [evidence(f, i + 23)]))
        }
    }
    for (i, id) in targetIDs.enumerated() {
        let f = i % fileCount
        let value = 5 + rng.below(95)
        contributions[f].nodes.append(NodeRecord(
            id: id, kind: .target, label: "到\(2025 + i % 6)年\(programmeLabels[i % programmeCount])覆盖率不低于\(value)%",
            attributes: ["value": .int(value), "unit": .string("%"), "comparator": .string(">="),
                         "kind": .string("floor"), "deadline": .string(String(2025 + i % 6))],
            evidence: [evidence(f, i + 37)]))
    }
    for i in 0..<documentCount {
        let f = documentFile[i]
        let month = 1 + i % 12, day = 1 + i % 28
        let date = "\(2015 + i % 10)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        let title = SyntheticNames.documentTitle(i, programme: programmeLabels[i % programmeCount])
        contributions[f].nodes.append(NodeRecord(
            id: documentIDs[i], kind: .document, label: title,
            attributes: ["title": .string(title), "doc_number": .string(documentNumbers[i]), "date": .string(date),
                         "doc_type": .string(SyntheticNames.docType(i))],
            evidence: [evidence(f, i + 41)]))
    }

    // Edges: every document is issued by 1–3 agencies; the rest are spread over the other relation kinds.
    var edgeBudget = total * edgesPerNode
    for i in 0..<documentCount where edgeBudget > 0 {
        let f = documentFile[i]
        let issuers = 1 + (rng.below(10) < 6 ? 0 : 1 + rng.below(2))
        var chosen: [Int] = []
        // Co-issuers cluster: pick agencies near each other so co-issuance repeats.
        let base = rng.below(agencyCount)
        for k in 0..<issuers {
            let a = k == 0 ? base : (base + 1 + rng.below(8)) % agencyCount
            if chosen.contains(a) { continue }
            chosen.append(a)
            contributions[f].edges.append(EdgeRecord(kind: .issuedBy, source: documentIDs[i], target: agencyIDs[a],
                                                     attributes: ["order": .int(chosen.count)],
                                                     evidence: [evidence(f, i &* 3 + k)]))
            edgeBudget -= 1
        }
    }
    var salt = 0
    while edgeBudget > 0 {
        salt += 1
        let d = rng.below(documentCount), f = documentFile[d]
        let edge: EdgeRecord
        switch rng.below(10) {
        case 0, 1: edge = EdgeRecord(kind: .mentions, source: documentIDs[d], target: programmeIDs[rng.below(programmeCount)])
        case 2: edge = EdgeRecord(kind: .appliesTo, source: documentIDs[d], target: regionIDs[rng.below(regionCount)])
        case 3: edge = EdgeRecord(kind: .setsTarget, source: documentIDs[d], target: targetIDs[rng.below(targetCount)])
        case 4: edge = EdgeRecord(kind: .cites, source: documentIDs[d], target: documentIDs[rng.below(documentCount)])
        case 5:
            let a = rng.below(agencyCount)
            edge = EdgeRecord(kind: .leads, source: agencyIDs[a], target: programmeIDs[rng.below(programmeCount)])
        case 6:
            let a = rng.below(agencyCount)
            edge = EdgeRecord(kind: .cooperates, source: agencyIDs[a], target: agencyIDs[(a + 1 + rng.below(16)) % agencyCount])
        case 7:
            let a = rng.below(agencyCount)
            edge = EdgeRecord(kind: .partOf, source: agencyIDs[a], target: regionIDs[a % regionCount])
        case 8: edge = EdgeRecord(kind: .setsTarget, source: programmeIDs[rng.below(programmeCount)], target: targetIDs[rng.below(targetCount)])
        default: edge = EdgeRecord(kind: .mentions, source: documentIDs[d], target: agencyIDs[rng.below(agencyCount)])
        }
        var e = edge
        e.evidence = [evidence(f, salt &+ 53)]
        contributions[f].edges.append(e)
        edgeBudget -= 1
    }
    return contributions
}

private func syntheticHash(_ file: Int, _ seed: UInt64) -> String {
    var rng = SeededRandom(seed: seed ^ UInt64(file) &* 0x1000_0000_01B3)
    return (0..<4).map { _ in
        let h = String(rng.next(), radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h
    }.joined()
}

/// Deterministic Chinese names built from an index (unique per index within each family).
enum SyntheticNames {
    static let syllables = Array("安宝昌成大德东丰福广海和河华淮惠吉建江金靖乐临龙美明南宁平庆泉荣瑞山善盛顺泰天通万文武西祥新兴阳永玉元长正中州")
    static let departments = ["财政厅", "发展和改革委员会", "工业和信息化局", "商务局", "农业农村局", "生态环境局",
                              "住房和城乡建设局", "交通运输局", "科学技术局", "教育局", "人力资源和社会保障局", "卫生健康委员会",
                              "市场监督管理局", "自然资源局", "文化和旅游局", "民政局", "审计局", "统计局", "税务局", "地方金融监督管理局"]
    static let programmeStems = ["数字乡村", "专精特新", "乡村振兴", "绿色低碳", "智慧城市", "科技创新", "产业升级", "普惠金融",
                                 "营商环境", "人才引进", "对外开放", "区域协调"]
    static let programmeSuffixes = ["行动", "工程", "计划", "试点", "示范区建设", "专项"]
    static let verbs = ["进一步推动", "加快推进", "做好", "深入实施", "支持", "规范", "促进"]
    static let docTypes = ["通知", "意见", "方案", "办法", "规划", "指导意见"]

    static func word(_ i: Int, minLength: Int) -> String {
        var out = "", i = i, length = 0
        repeat {
            out.append(syllables[i % syllables.count])
            i /= syllables.count
            length += 1
        } while i > 0 || length < minLength
        return out
    }

    static func region(_ i: Int) -> String { word(i, minLength: 2) + (i % 3 == 0 ? "省" : i % 3 == 1 ? "市" : "县") }
    static func agency(_ i: Int, regionCount: Int) -> String {
        region(i % regionCount) + departments[(i / regionCount) % departments.count]
            + (i >= regionCount * departments.count ? "第\(i / (regionCount * departments.count) + 1)分局" : "")
    }
    static func programme(_ i: Int) -> String {
        word(i / (programmeStems.count * programmeSuffixes.count), minLength: 2) + programmeStems[i % programmeStems.count]
            + programmeSuffixes[(i / programmeStems.count) % programmeSuffixes.count]
    }
    static func acronym(_ i: Int) -> String {
        var out = "", i = i
        repeat { out.append(Character(Unicode.Scalar(UInt8(65 + i % 26)))); i /= 26 } while i > 0
        return "P" + out
    }
    static func docType(_ i: Int) -> String { docTypes[i % docTypes.count] }
    static func documentNumber(_ i: Int) -> String {
        word(i % 97, minLength: 1) + "政发〔\(2015 + i % 10)〕\(i / 10 + 1)号"
    }
    static func documentTitle(_ i: Int, programme: String) -> String {
        "关于" + verbs[i % verbs.count] + programme + "的" + docType(i)
    }
    static func sentence(_ k: Int) -> String {
        "各地区各部门要" + verbs[k % verbs.count] + word(k, minLength: 3) + programmeStems[k % programmeStems.count]
            + "工作，确保各项任务落到实处。"
    }
}
