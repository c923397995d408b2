/// A unit of a quantitative target, with its scale to a base unit (亿元 → 1e8 元).
public struct TargetUnit: Sendable, Hashable {
    /// As written, e.g. 亿元.
    public let name: String
    /// The base unit, e.g. 元; equal to `name` for base units.
    public let base: String
    /// Multiplier from this unit to the base unit.
    public let scale: Double
    /// What it measures: ratio, currency, area, count, length, mass, …
    public let dimension: String

    public init(name: String, base: String, scale: Double, dimension: String) {
        self.name = name
        self.base = base
        self.scale = scale
        self.dimension = dimension
    }
}

/// Where a comparator phrase stands relative to the number it qualifies.
public enum ComparatorPosition: String, Sendable, Codable {
    /// Before the number: 不超过10%.
    case prefix
    /// After the number: 10%以内.
    case suffix
}

/// A phrase that states how a value bounds its subject (不超过 → "<=").
public struct ComparatorPhrase: Sendable, Hashable {
    public let phrase: String
    /// One of "<=", ">=", "=", "<", ">", "range".
    public let symbol: String
    public let position: ComparatorPosition

    public init(phrase: String, symbol: String, position: ComparatorPosition) {
        self.phrase = phrase
        self.symbol = symbol
        self.position = position
    }
}

/// The kind a target word signals: red line, cap, floor or goal.
public struct TargetKindWord: Sendable, Hashable {
    public let word: String
    /// One of "red_line", "cap", "floor", "goal".
    public let kind: String

    public init(word: String, kind: String) {
        self.word = word
        self.kind = kind
    }
}

/// Words and phrases for recognising quantitative targets: units, comparators, red-line words, deadlines.
public struct TargetVocabulary: Sendable {
    /// Longest names first, so that a scan can take the first unit that matches.
    public let units: [TargetUnit]
    /// Longest phrases first.
    public let comparators: [ComparatorPhrase]
    /// Words marking a hard limit: 红线, 底线, 上限, 不得超过 …
    public let redLineWords: [String]
    /// Words that signal the kind of a target (红线 → red_line, 上限 → cap, 下限 → floor, 目标 → goal …).
    public let kindWords: [TargetKindWord]
    /// Deadline patterns with `{year}` standing for a four-digit year: 到{year}年, {year}年前, {year}年底前 …
    public let deadlinePatterns: [String]

    public init(units: [TargetUnit], comparators: [ComparatorPhrase], redLineWords: [String],
                kindWords: [TargetKindWord], deadlinePatterns: [String]) {
        self.units = units.sorted { $0.name.utf8.count > $1.name.utf8.count }
        self.comparators = comparators.sorted { $0.phrase.utf8.count > $1.phrase.utf8.count }
        self.redLineWords = redLineWords
        self.kindWords = kindWords
        self.deadlinePatterns = deadlinePatterns
    }

    /// The unit written exactly as `name`, if known.
    public func unit(named name: String) -> TargetUnit? { units.first { $0.name == name } }

    /// Comparator phrases standing before (prefix) or after (suffix) a number.
    public func comparators(at position: ComparatorPosition) -> [ComparatorPhrase] {
        comparators.filter { $0.position == position }
    }
}
