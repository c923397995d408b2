/// How a target's value relates to what it measures. Serialised as the contract's strings (`rawValue`).
public enum TargetComparator: String, Sendable, Hashable, CaseIterable {
    case atMost = "<="
    case atLeast = ">="
    case equal = "="
    case below = "<"
    case above = ">"
    case range = "range"

    /// The comparator of a phrase symbol from the vocabulary ("<=", ">=" …); nil for unknown symbols.
    public init?(symbol: String) { self.init(rawValue: symbol) }
}

/// What kind of commitment a target is. Serialised as the contract's strings (`rawValue`).
public enum TargetKind: String, Sendable, Hashable, CaseIterable {
    /// A hard limit never to be crossed (红线, 底线, 不得超过).
    case redLine = "red_line"
    /// An upper limit (不超过, 控制在…以内).
    case cap
    /// A lower limit (不低于, 不少于, 至少).
    case floor
    /// A value to reach (达到, 建成, 新增 …).
    case goal
}

/// A five-year plan period and the year it ends: “十四五”期间 is a deadline of 2025. One table for every rule.
public struct PlanPeriod: Sendable, Hashable {
    /// The period's short name (十四五).
    public let name: String
    /// Its last year.
    public let endYear: Int

    /// The plan periods policy texts name, oldest first.
    public static let all: [PlanPeriod] = [
        PlanPeriod(name: "七五", endYear: 1990), PlanPeriod(name: "八五", endYear: 1995),
        PlanPeriod(name: "九五", endYear: 2000), PlanPeriod(name: "十五", endYear: 2005),
        PlanPeriod(name: "十一五", endYear: 2010), PlanPeriod(name: "十二五", endYear: 2015),
        PlanPeriod(name: "十三五", endYear: 2020), PlanPeriod(name: "十四五", endYear: 2025),
        PlanPeriod(name: "十五五", endYear: 2030), PlanPeriod(name: "十六五", endYear: 2035),
    ]
    /// Words after a period's name that make it a time ("十四五”期间, 十四五末, “十四五”时期).
    public static let timeWords: [String] = ["期间", "时期", "末", "规划期", "时", "内"]
}
