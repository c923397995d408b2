import PolicyCore
import PolicyOntology

extension EntityRecognizer {
    /// What a gazetteer surface may denote.
    enum Target: Sendable, Equatable {
        case agency(Int)
        case region(Int)
        case programme(Int)
        /// 省财政厅: a local-body suffix after an implicit region word.
        case implicitLocal(suffix: Int, level: RegionLevel)
        /// 有关部门, 各省: a phrase that blocks shorter matches and yields nothing.
        case generic
        /// 中国工商银行: a named non-government body, reported as kind organization.
        case organization(Int)
    }
}

/// The recogniser's gazetteer dictionaries: every surface of every name (with its half-width form) and what it
/// may denote, and the automata that find them — the part of `EntityRecognizer` that costs most to build, and
/// that a compiled ontology stores built.
struct RecognizerDictionaries: Sendable, BinaryArchivable {
    /// For each surface (automaton value), what it may denote.
    let targets: [[EntityRecognizer.Target]]
    /// Each surface by value: a match of value v is exactly the bytes of `surfaces[v]`.
    let surfaces: [String]
    let automaton: LongestMatchAutomaton
    /// Region names alone (for the regions a body name begins with): each surface's regions, by value.
    let regionTargets: [[Int]]
    let regionSurfaces: [String]
    let regionAutomaton: LongestMatchAutomaton

    /// The surfaces and their targets, before the automata are built.
    struct Lists: Sendable {
        var targets: [[EntityRecognizer.Target]] = []
        var surfaces: [String] = []
        var regionTargets: [[Int]] = []
        var regionSurfaces: [String] = []

        init(ontology: Ontology) {
            var surfaceIndex: [String: Int] = [:]
            func add(_ surface: String, _ target: EntityRecognizer.Target) {
                for form in Self.surfaceForms(surface) {
                    if let i = surfaceIndex[form] {
                        targets[i].append(target)
                    } else {
                        surfaceIndex[form] = targets.count
                        targets.append([target])
                        surfaces.append(form)
                    }
                }
            }
            for role in ontology.genericRoles { add(role, .generic) }
            for (i, o) in ontology.organizations.enumerated() { for name in o.allNames { add(name, .organization(i)) } }
            for (i, a) in ontology.agencies.enumerated() { for name in a.allNames { add(name, .agency(i)) } }
            for (i, r) in ontology.regions.enumerated() where Self.isMatchable(r) { for name in r.allNames { add(name, .region(i)) } }
            for (i, p) in ontology.programmes.enumerated() {
                for name in p.allNames { add(name, .programme(i)) }
                // National programmes are often written without 国家/全国 (一体化大数据中心体系): the rest, when it is
                // long enough to be distinctive, names them too.
                for name in p.allNames {
                    for prefix in ["国家", "全国"] where name.hasPrefix(prefix) {
                        let rest = String(name.dropFirst(prefix.count))
                        if rest.unicodeScalars.count >= 5, surfaceIndex[rest] == nil { add(rest, .programme(i)) }
                    }
                    // …and without their type word (扩大内需 for 扩大内需战略), unless what is left ends in a generic
                    // modifier (…重大, …综合) or is too short or too ordinary to be distinctive.
                    for type in Self.strippableTypeWords where name.hasSuffix(type) {
                        let rest = String(name.dropLast(type.count))
                        // 可持续发展, 乡村建设: a short rest ending in 发展/建设 is an ordinary phrase.
                        let ordinary = (rest.hasSuffix("发展") || rest.hasSuffix("建设")) && rest.unicodeScalars.count < 6
                        if rest.unicodeScalars.count >= 4, !ordinary, surfaceIndex[rest] == nil,
                           !Self.genericEndings.contains(where: { rest.hasSuffix($0) }), !rest.hasPrefix("实施") {
                            add(rest, .programme(i))
                        }
                    }
                }
            }
            for p in AgencyPatterns(ontology: ontology).implicitPatterns() where surfaceIndex[p.surface] == nil {
                add(p.surface, .implicitLocal(suffix: p.suffix, level: p.level))
            }

            var regionIndex: [String: Int] = [:]
            for (i, r) in ontology.regions.enumerated() where Self.isMatchable(r) {
                for name in r.allNames {
                    for form in Self.surfaceForms(name) {
                        if let j = regionIndex[form] { regionTargets[j].append(i) } else {
                            regionIndex[form] = regionTargets.count
                            regionTargets.append([i])
                            regionSurfaces.append(form)
                        }
                    }
                }
            }
        }

        /// Type words a programme name may be written without.
        private static let strippableTypeWords = ["战略", "工程", "行动", "行动计划"]
        /// Endings that leave a type-less name generic.
        private static let genericEndings = ["重大", "国家", "综合", "重点", "专项", "提升", "节水", "节约"]

        /// Two-character county and township names (应县, 城区, 矿区) occur inside ordinary words
        /// (相应县级, 城区改造): they are kept in the ontology but not matched in running text.
        private static func isMatchable(_ region: Region) -> Bool {
            !((region.level == .county || region.level == .township) && region.canonical.unicodeScalars.count <= 2)
        }

        /// The name and its half-width form (NFKC turns （ into ( ), so both spellings match.
        private static func surfaceForms(_ name: String) -> [String] {
            var half = String.UnicodeScalarView()
            for s in name.unicodeScalars {
                if (0xFF01...0xFF5E).contains(s.value), let h = Unicode.Scalar(s.value - 0xFEE0) { half.append(h) } else { half.append(s) }
            }
            let folded = String(half)
            return folded == name ? [name] : [name, folded]
        }
    }

    init(_ lists: Lists, automaton: LongestMatchAutomaton, regionAutomaton: LongestMatchAutomaton) {
        targets = lists.targets
        surfaces = lists.surfaces
        self.automaton = automaton
        regionTargets = lists.regionTargets
        regionSurfaces = lists.regionSurfaces
        self.regionAutomaton = regionAutomaton
    }

    func archive(into writer: inout ArchiveWriter) {
        writer.write(targets)
        writer.write(surfaces)
        writer.write(automaton)
        writer.write(UInt32(regionTargets.count))
        for list in regionTargets { writer.write(block: list.map(Int32.init)) }
        writer.write(regionSurfaces)
        writer.write(regionAutomaton)
    }

    init(from reader: inout ArchiveReader) throws {
        targets = try reader.read()
        surfaces = try reader.read()
        automaton = try reader.read()
        let regionCount = Int(try reader.read(UInt32.self))
        var regionTargets: [[Int]] = []
        for _ in 0..<regionCount { regionTargets.append(try reader.readBlock(Int32.self).map(Int.init)) }
        self.regionTargets = regionTargets
        regionSurfaces = try reader.read()
        regionAutomaton = try reader.read()
        guard targets.count == surfaces.count, regionTargets.count == regionSurfaces.count else { throw ArchiveReader.Damaged() }
    }

    /// Whether every target and region index lies inside `ontology`'s lists (a compiled ontology is read back
    /// whole or refused).
    func indexesFit(_ ontology: Ontology) -> Bool {
        let fits = targets.allSatisfy { list in
            list.allSatisfy { target in
                switch target {
                case .agency(let i): return ontology.agencies.indices.contains(i)
                case .region(let i): return ontology.regions.indices.contains(i)
                case .programme(let i): return ontology.programmes.indices.contains(i)
                case .organization(let i): return ontology.organizations.indices.contains(i)
                case .implicitLocal(let suffix, _): return ontology.localBodySuffixes.indices.contains(suffix)
                case .generic: return true
                }
            }
        }
        return fits && regionTargets.allSatisfy { $0.allSatisfy(ontology.regions.indices.contains) }
    }
}

extension EntityRecognizer.Target: BinaryArchivable {
    func archive(into writer: inout ArchiveWriter) {
        switch self {
        case .agency(let i): writer.write(UInt8(0)); writer.write(Int32(i))
        case .region(let i): writer.write(UInt8(1)); writer.write(Int32(i))
        case .programme(let i): writer.write(UInt8(2)); writer.write(Int32(i))
        case .implicitLocal(let suffix, let level): writer.write(UInt8(3)); writer.write(Int32(suffix)); writer.write(level)
        case .generic: writer.write(UInt8(4))
        case .organization(let i): writer.write(UInt8(5)); writer.write(Int32(i))
        }
    }

    init(from reader: inout ArchiveReader) throws {
        switch try reader.read(UInt8.self) {
        case 0: self = .agency(Int(try reader.read(Int32.self)))
        case 1: self = .region(Int(try reader.read(Int32.self)))
        case 2: self = .programme(Int(try reader.read(Int32.self)))
        case 3: self = .implicitLocal(suffix: Int(try reader.read(Int32.self)), level: try reader.read())
        case 4: self = .generic
        case 5: self = .organization(Int(try reader.read(Int32.self)))
        default: throw ArchiveReader.Damaged()
        }
    }
}
