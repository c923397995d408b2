/// The word an official body name ends with (人民政府, 办公厅, 委员会, 局, 海关, 分行 …), from `body_heads.tsv`.
public struct BodyHead: Sendable, Hashable {
    /// What kind of body a name with this head is.
    public enum Kind: String, Sendable, CaseIterable {
        case government, office, commission, department, bureau, court, procuratorate, customs, centre, branch,
             committee, association, company, team, party
        /// An ordinary word that ends like a head (大局, 内部, 核心): a name ending in it is no body name.
        case veto
    }

    public let head: String
    public let kind: Kind
    /// True when the head names a body after descriptive words alone (X协会, X管理委员会); false when it needs a
    /// region or a known parent body before it (X局).
    public let strong: Bool

    public init(head: String, kind: Kind, strong: Bool) {
        self.head = head
        self.kind = kind
        self.strong = strong
    }
}

/// A verb that states a document's issuance (印发, 发布 …), from `issuance_verbs.tsv`.
public struct IssuanceVerb: Sendable, Hashable {
    /// Where the verb is read.
    public enum Use: String, Sendable, CaseIterable {
        /// "X VERB《Z》" in prose and headlines: X issued Z.
        case prose
        /// "关于VERB《Z》的通知": the notice issues (or forwards) Z.
        case attachment
    }

    public let verb: String
    public let uses: Set<Use>

    public init(verb: String, uses: Set<Use>) {
        self.verb = verb
        self.uses = uses
    }
}
