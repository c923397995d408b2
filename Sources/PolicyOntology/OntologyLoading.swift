import Foundation
import PolicyCore

extension Ontology {
    /// File names inside the ontology directory.
    public enum FileName {
        public static let agencies = "agencies.tsv"
        public static let regions = "regions.tsv"
        public static let areas = "areas.tsv"
        public static let programmes = "programmes.tsv"
        public static let localBodySuffixes = "local_body_suffixes.tsv"
        public static let genericRoles = "generic_roles.txt"
        public static let organizations = "organizations.tsv"
        public static let bodyHeads = "body_heads.tsv"
        public static let issuanceVerbs = "issuance_verbs.tsv"
        public static let units = "target_units.tsv"
        public static let comparators = "target_comparators.tsv"
        public static let targetWords = "target_words.tsv"
        public static let deadlines = "target_deadlines.txt"
    }

    /// Loads every data file in `directory`; a malformed line throws a `KGError` naming file and line.
    public static func load(directory: String) throws -> Ontology {
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

        var agencies: [Agency] = []
        let agencyFile = try TSVReader(path: path(FileName.agencies))
        var seenAgencies: Set<String> = []
        for row in agencyFile.rows {
            let canonical = try agencyFile.required(row, 0, "canonical name")
            let levelName = try agencyFile.required(row, 2, "level")
            guard let level = AgencyLevel(rawValue: levelName) else {
                throw agencyFile.error(row, "unknown agency level: \(levelName)")
            }
            guard seenAgencies.insert(canonical).inserted else { throw agencyFile.error(row, "duplicate agency: \(canonical)") }
            agencies.append(Agency(canonical: canonical, aliases: agencyFile.list(row, 1).filter { $0 != canonical },
                                   level: level, parent: agencyFile.optional(row, 3),
                                   validFrom: try agencyFile.optionalInt(row, 4, "valid-from year"),
                                   validUntil: try agencyFile.optionalInt(row, 5, "valid-until year"),
                                   successor: agencyFile.optional(row, 6), record: agencyFile.record(row)))
        }
        for (i, a) in agencies.enumerated() {
            for (name, what) in [(a.parent, "parent"), (a.successor, "successor")] {
                if let name, !seenAgencies.contains(name) {
                    throw KGError(file: path(FileName.agencies), line: agencyFile.rows[i].line, "unknown \(what): \(name)")
                }
            }
        }

        var regions: [Region] = []
        for name in [FileName.regions, FileName.areas] {
            let file = try TSVReader(path: path(name))
            for row in file.rows {
                let code = file.optional(row, 0)
                if let code, code.utf8.count != 6 || !code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    throw file.error(row, "region code is not six digits: \(code)")
                }
                let canonical = try file.required(row, 1, "canonical name")
                let levelName = try file.required(row, 3, "level")
                guard let level = RegionLevel(rawValue: levelName) else { throw file.error(row, "unknown region level: \(levelName)") }
                regions.append(Region(code: code, canonical: canonical, aliases: file.list(row, 2).filter { $0 != canonical },
                                      level: level, parentCode: file.optional(row, 4), record: file.record(row)))
            }
        }

        var programmes: [Programme] = []
        let programmeFile = try TSVReader(path: path(FileName.programmes))
        for row in programmeFile.rows {
            let canonical = try programmeFile.required(row, 0, "canonical name")
            let confidence = try programmeFile.required(row, 2, "confidence")
            guard confidence == "core" || confidence == "peripheral" else {
                throw programmeFile.error(row, "confidence must be core or peripheral: \(confidence)")
            }
            programmes.append(Programme(canonical: canonical, aliases: programmeFile.list(row, 1).filter { $0 != canonical },
                                        core: confidence == "core"))
        }

        var suffixes: [LocalBodySuffix] = []
        let suffixFile = try TSVReader(path: path(FileName.localBodySuffixes))
        for row in suffixFile.rows {
            let surface = try suffixFile.required(row, 0, "suffix")
            let template = try suffixFile.required(row, 1, "template")
            guard template.contains("{region}") || template.contains("{short}") else {
                throw suffixFile.error(row, "template lacks {region} or {short}: \(template)")
            }
            var levels: Set<RegionLevel> = []
            for name in suffixFile.list(row, 2) {
                guard let level = RegionLevel(rawValue: name) else { throw suffixFile.error(row, "unknown region level: \(name)") }
                levels.insert(level)
            }
            if levels.isEmpty { levels = [.province, .prefecture, .county] }
            suffixes.append(LocalBodySuffix(surface: surface, template: template, levels: levels,
                                            parentTemplate: suffixFile.optional(row, 3)))
        }

        let roles = try TSVReader(path: path(FileName.genericRoles)).rows.compactMap { $0.fields.first }.filter { !$0.isEmpty }

        var organizations: [NamedOrganization] = []
        let organizationFile = try TSVReader(path: path(FileName.organizations))
        for row in organizationFile.rows {
            let canonical = try organizationFile.required(row, 0, "canonical name")
            organizations.append(NamedOrganization(canonical: canonical,
                                                   aliases: organizationFile.list(row, 1).filter { $0 != canonical },
                                                   kind: try organizationFile.required(row, 2, "kind")))
        }

        var heads: [BodyHead] = []
        let headFile = try TSVReader(path: path(FileName.bodyHeads))
        for row in headFile.rows {
            let head = try headFile.required(row, 0, "head")
            let kindName = try headFile.required(row, 1, "kind")
            guard let kind = BodyHead.Kind(rawValue: kindName) else { throw headFile.error(row, "unknown body kind: \(kindName)") }
            let strength = try headFile.required(row, 2, "strength")
            guard strength == "strong" || strength == "weak" else {
                throw headFile.error(row, "strength must be strong or weak: \(strength)")
            }
            heads.append(BodyHead(head: head, kind: kind, strong: strength == "strong"))
        }

        var verbs: [IssuanceVerb] = []
        let verbFile = try TSVReader(path: path(FileName.issuanceVerbs))
        for row in verbFile.rows {
            let verb = try verbFile.required(row, 0, "verb")
            var uses: Set<IssuanceVerb.Use> = []
            for name in verbFile.list(row, 1) {
                guard let use = IssuanceVerb.Use(rawValue: name) else { throw verbFile.error(row, "unknown verb use: \(name)") }
                uses.insert(use)
            }
            verbs.append(IssuanceVerb(verb: verb, uses: uses))
        }

        return Ontology(agencies: agencies, regions: regions, programmes: programmes,
                        targetVocabulary: try loadTargetVocabulary(path: path),
                        localBodySuffixes: suffixes, genericRoles: roles, organizations: organizations,
                        bodyHeads: heads, issuanceVerbs: verbs)
    }

    private static func loadTargetVocabulary(path: (String) -> String) throws -> TargetVocabulary {
        var units: [TargetUnit] = []
        let unitFile = try TSVReader(path: path(FileName.units))
        for row in unitFile.rows {
            let name = try unitFile.required(row, 0, "unit")
            let scaleText = try unitFile.required(row, 2, "scale")
            guard let scale = Double(scaleText) else { throw unitFile.error(row, "scale is not a number: \(scaleText)") }
            units.append(TargetUnit(name: name, base: unitFile.optional(row, 1) ?? name, scale: scale,
                                    dimension: try unitFile.required(row, 3, "dimension")))
        }
        var comparators: [ComparatorPhrase] = []
        let comparatorFile = try TSVReader(path: path(FileName.comparators))
        let symbols: Set<String> = ["<=", ">=", "=", "<", ">", "range"]
        for row in comparatorFile.rows {
            let phrase = try comparatorFile.required(row, 0, "phrase")
            let symbol = try comparatorFile.required(row, 1, "symbol")
            guard symbols.contains(symbol) else { throw comparatorFile.error(row, "unknown comparator symbol: \(symbol)") }
            let positionName = try comparatorFile.required(row, 2, "position")
            guard let position = ComparatorPosition(rawValue: positionName) else {
                throw comparatorFile.error(row, "position must be prefix or suffix: \(positionName)")
            }
            comparators.append(ComparatorPhrase(phrase: phrase, symbol: symbol, position: position))
        }
        var kindWords: [TargetKindWord] = []
        var redLine: [String] = []
        let wordFile = try TSVReader(path: path(FileName.targetWords))
        let kinds: Set<String> = ["red_line", "cap", "floor", "goal"]
        for row in wordFile.rows {
            let word = try wordFile.required(row, 0, "word")
            let kind = try wordFile.required(row, 1, "kind")
            guard kinds.contains(kind) else { throw wordFile.error(row, "unknown target kind: \(kind)") }
            kindWords.append(TargetKindWord(word: word, kind: kind))
            if wordFile.optional(row, 2) == "red_line_word" { redLine.append(word) }
        }
        let deadlines = try TSVReader(path: path(FileName.deadlines)).rows.compactMap { $0.fields.first }
        return TargetVocabulary(units: units, comparators: comparators, redLineWords: redLine,
                                kindWords: kindWords, deadlinePatterns: deadlines)
    }

    /// `$KG_ONTOLOGY`, else `<package root>/Ontology` (found from this source file's path), else an
    /// `Ontology` directory next to the executable or in `../share/policykg/` beside it.
    public static func defaultDirectory() -> String? {
        let fm = FileManager.default
        func isDirectory(_ p: String) -> Bool {
            var dir: ObjCBool = false
            return fm.fileExists(atPath: p, isDirectory: &dir) && dir.boolValue
        }
        if let env = ProcessInfo.processInfo.environment["KG_ONTOLOGY"], !env.isEmpty { return env }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let fromSource = packageRoot.appendingPathComponent("Ontology").path
        if isDirectory(fromSource) { return fromSource }
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            for candidate in [exe.appendingPathComponent("Ontology"),
                              exe.appendingPathComponent("../share/policykg/Ontology").standardized] where isDirectory(candidate.path) {
                return candidate.path
            }
        }
        return nil
    }

    /// Loads the ontology from `defaultDirectory()`.
    public static func loadDefault() throws -> Ontology {
        guard let directory = defaultDirectory() else {
            throw KGError("ontology directory not found: set KG_ONTOLOGY to the Ontology/ folder")
        }
        return try load(directory: directory)
    }
}
