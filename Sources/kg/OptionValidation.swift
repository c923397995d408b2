import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// Checks of command-line values that ArgumentParser's types cannot express: dates, date ranges, counts, and
/// relation or kind names (open-ended vocabularies, so they are checked against the loaded graph). A bad value is
/// an error naming the option, never an empty result.
enum OptionValidation {
    /// A `--from`/`--to` value: `yyyy`, `yyyy-mm` or `yyyy-mm-dd`, and a real calendar date.
    static func checkDate(_ text: String?, option: String) throws {
        guard let text else { return }
        guard DateBound(text) != nil else {
            throw ValidationError("--\(option) '\(text)' is not a date: use yyyy, yyyy-mm or yyyy-mm-dd (a real calendar date, e.g. 2021-06-30)")
        }
    }

    /// Both bounds valid, and `from` not after `to`.
    static func checkDateRange(from: String?, to: String?) throws {
        try checkDate(from, option: "from")
        try checkDate(to, option: "to")
        if let from, let to, let start = DateBound(from), let end = DateBound(to), start.first > end.last {
            throw ValidationError("--from \(from) is after --to \(to): nothing can lie between them")
        }
    }

    /// A count that must be at least `minimum`; `flag` as the user writes it (`--depth`, `-k`).
    static func checkAtLeast(_ value: Int, _ minimum: Int, flag: String) throws {
        guard value >= minimum else { throw ValidationError("\(flag) must be at least \(minimum) (got \(value))") }
    }

    /// Relation or node-kind names checked against the ones the graph holds (`known`), with a suggestion for a
    /// near miss; nil when no name is given (no filter).
    static func kinds<Kind: RawRepresentable & Hashable>(_ names: [String], known: [Kind], noun: String,
                                                          option: String) throws -> Set<Kind>? where Kind.RawValue == String {
        guard !names.isEmpty else { return nil }
        let knownNames = known.map(\.rawValue)
        for name in names where !knownNames.contains(name) {
            throw unknown(name, noun: noun, known: knownNames, option: option)
        }
        return Set(names.compactMap { Kind(rawValue: $0) })
    }

    private static func unknown(_ name: String, noun: String, known: [String], option: String) -> KGError {
        let sorted = known.sorted()
        let nearest = sorted.min { editDistance(name, $0) < editDistance(name, $1) }
        let hint = nearest.flatMap { editDistance(name, $0) <= max(2, $0.count / 3) ? " (did you mean '\($0)'?)" : nil } ?? ""
        return KGError(kind: .invalidOption,
                       "--\(option): no \(noun) '\(name)' in this graph\(hint); it has \(sorted.joined(separator: ", "))")
    }

    /// Levenshtein distance over characters (names are short).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}

