import Foundation

/// A suffix that, written right after a region name, names that region's body: 江苏省 + 工信厅 →
/// 江苏省工业和信息化厅; 安徽省 + 委 → 中共安徽省委员会.
public struct LocalBodySuffix: Sendable, Hashable {
    /// As written after the region name, e.g. 发展改革委.
    public let surface: String
    /// The canonical name with `{region}` standing for the region's full name, e.g. {region}发展和改革委员会,
    /// or `{short}` for its short form (customs: {short}海关).
    public let template: String
    /// Region levels the suffix applies to (厅 only to provinces, 局 to all …).
    public let levels: Set<RegionLevel>
    /// The parent body's canonical name, `{region}` allowed; nil: the region's 人民政府 (none for the
    /// government itself and for party, NPC and CPPCC bodies, whose names do not start with the region).
    public let parentTemplate: String?

    public init(surface: String, template: String, levels: Set<RegionLevel>, parentTemplate: String? = nil) {
        self.surface = surface
        self.template = template
        self.levels = levels
        self.parentTemplate = parentTemplate
    }

    /// The canonical body name for the region called `regionName`; `{short}` in the template takes `shortName`
    /// (杭州 + 海关 → 杭州海关).
    public func canonical(for regionName: String, shortName: String? = nil) -> String {
        template.replacingOccurrences(of: "{region}", with: regionName)
            .replacingOccurrences(of: "{short}", with: shortName ?? regionName)
    }

    /// The parent body's canonical name for the region called `regionName`.
    public func parent(for regionName: String) -> String? {
        if let parentTemplate { return parentTemplate.replacingOccurrences(of: "{region}", with: regionName) }
        let canonical = template.replacingOccurrences(of: "{region}", with: regionName)
        let government = regionName + "人民政府"
        return canonical == government || !canonical.hasPrefix(regionName) ? nil : government
    }
}
