import PolicyOntology

/// Names of local bodies already built during one recognition call. A document names the same body
/// (江苏省财政厅) many times, and expanding the suffix template for it each time is costly.
final class BodyNameCache {
    private struct Key: Hashable {
        let suffix: Int
        let region: ByteKey
        let short: ByteKey?
    }

    private var names: [Key: (canonical: String, parent: String?)] = [:]

    /// The name of suffix `index` for `region`, built by `build` the first time.
    func name(suffix index: Int, region: Region, build: () -> (canonical: String, parent: String?))
        -> (canonical: String, parent: String?) {
        let key = Key(suffix: index, region: ByteKey(region.canonical), short: region.aliases.first.map(ByteKey.init))
        if let known = names[key] { return known }
        let made = build()
        names[key] = made
        return made
    }
}
