import Foundation
import PolicyCore

/// The gazetteers and vocabularies extraction relies on, loaded from the data files in `Ontology/`.
public struct Ontology: Sendable {
    public let agencies: [Agency]
    public let regions: [Region]
    public let programmes: [Programme]
    public let targetVocabulary: TargetVocabulary
    /// Suffixes that turn a region name into a local body (财政厅, 发展改革委 …), see `LocalBodySuffix`.
    public let localBodySuffixes: [LocalBodySuffix]
    /// Phrases that look like bodies but are generic roles (有关部门, 各级政府 …): never agencies.
    public let genericRoles: [String]
    /// Companies, banks, exchanges, media and universities: named bodies that are not agencies.
    public let organizations: [NamedOrganization]
    /// Heads of official body names (人民政府, 委员会, 局, 海关 …), see `BodyHead`.
    public let bodyHeads: [BodyHead]
    /// Verbs stating a document's issuance (印发, 发布 …), see `IssuanceVerb`.
    public let issuanceVerbs: [IssuanceVerb]

    /// Name indexes keyed by `NameKey`: hashing a String of Han characters normalises it each time.
    private let agencyIndex: [NameKey: Int]
    private let regionIndex: [NameKey: [Int]]
    private let codeIndex: [String: Int]
    private let programmeIndex: [NameKey: Int]

    public init(agencies: [Agency], regions: [Region], programmes: [Programme], targetVocabulary: TargetVocabulary,
                localBodySuffixes: [LocalBodySuffix] = [], genericRoles: [String] = [],
                organizations: [NamedOrganization] = [], bodyHeads: [BodyHead] = [],
                issuanceVerbs: [IssuanceVerb] = []) {
        self.agencies = agencies
        self.regions = regions
        self.programmes = programmes
        self.targetVocabulary = targetVocabulary
        self.localBodySuffixes = localBodySuffixes
        self.genericRoles = genericRoles
        self.organizations = organizations
        self.bodyHeads = bodyHeads
        self.issuanceVerbs = issuanceVerbs
        var agencyIndex: [NameKey: Int] = [:]
        // Canonical names win over aliases; among aliases, bodies that still exist win.
        for (i, a) in agencies.enumerated() { agencyIndex[NameKey(a.canonical)] = i }
        for pass in 0..<2 {
            for (i, a) in agencies.enumerated() where (a.validUntil == nil) == (pass == 0) {
                for alias in a.aliases where agencyIndex[NameKey(alias)] == nil { agencyIndex[NameKey(alias)] = i }
            }
        }
        var regionIndex: [NameKey: [Int]] = [:]
        var codeIndex: [String: Int] = [:]
        for (i, r) in regions.enumerated() {
            for name in r.allNames where !(regionIndex[NameKey(name)]?.contains(i) ?? false) {
                regionIndex[NameKey(name), default: []].append(i)
            }
            if let code = r.code { codeIndex[code] = i }
        }
        var programmeIndex: [NameKey: Int] = [:]
        for (i, p) in programmes.enumerated() { programmeIndex[NameKey(p.canonical)] = i }
        for (i, p) in programmes.enumerated() {
            for alias in p.aliases where programmeIndex[NameKey(alias)] == nil { programmeIndex[NameKey(alias)] = i }
        }
        self.agencyIndex = agencyIndex
        self.regionIndex = regionIndex
        self.codeIndex = codeIndex
        self.programmeIndex = programmeIndex
    }

    /// The agency whose canonical name or alias is `name` (exact match).
    public func agency(named name: String) -> Agency? { agencyIndex[NameKey(name)].map { agencies[$0] } }

    /// All regions called `name` (canonical or alias); several when the name is ambiguous (鼓楼区).
    public func regions(named name: String) -> [Region] { (regionIndex[NameKey(name)] ?? []).map { regions[$0] } }

    /// True when some agency's canonical name or alias is `key` (`agency(named:)` without copying the agency).
    public func hasAgency(named key: NameKey) -> Bool { agencyIndex[key] != nil }

    /// True when some region is called `key` (`regions(named:)` without building the array).
    public func hasRegion(named key: NameKey) -> Bool { regionIndex[key] != nil }

    /// The programme whose canonical name or alias is `key` (exact match).
    public func programme(named key: NameKey) -> Programme? { programmeIndex[key].map { programmes[$0] } }

    /// The region with GB/T 2260 code `code`.
    public func region(code: String) -> Region? { codeIndex[code].map { regions[$0] } }

    /// The programme whose canonical name or alias is `name` (exact match).
    public func programme(named name: String) -> Programme? { programmeIndex[NameKey(name)].map { programmes[$0] } }

    /// The province (or province-level city/region) containing the region with `code`, or itself.
    public func province(containing code: String) -> Region? {
        var current = region(code: code)
        while let r = current, r.level != .province {
            guard let parent = r.parentCode else { return nil }
            current = region(code: parent)
        }
        return current
    }
}
