/// Links from the co-issuance page to one pair's documents under the page's filters: the filters' part of the query is
/// written once and each drawn agency's id encoded once (a picture and matrix of 40 agencies hold up to 2,340 such
/// links, and building each through `HTMLText.link` was a third of the page's time at 1M nodes).
struct CoissuePairLinks {
    /// `/coissue` with the page's filters.
    private let base: String
    private let joiner: String
    private let encodedIDs: [String: String]

    init(base: String, agencies: [String]) {
        self.base = base
        joiner = base.contains("?") ? "&" : "?"
        encodedIDs = Dictionary(agencies.map { ($0, HTMLText.queryComponent($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The link to the pair `first` × `second` (node ids), as `HTMLText.link` writes it, anchored at the pair's list.
    func link(_ first: String, _ second: String) -> String {
        base + joiner + "a=" + encoded(first) + "&b=" + encoded(second) + "#pair"
    }

    private func encoded(_ id: String) -> String { encodedIDs[id] ?? HTMLText.queryComponent(id) }
}
