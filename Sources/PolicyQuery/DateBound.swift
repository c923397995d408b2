/// A date bound as the date filters take it (`yyyy`, `yyyy-mm`, `yyyy-mm-dd`), with the first and last day it
/// covers as comparable `yyyy-mm-dd` strings; nil for anything that is not a real calendar date.
public struct DateBound: Sendable, Equatable {
    /// The first day covered, `yyyy-mm-dd`.
    public let first: String
    /// The last day covered, `yyyy-mm-dd`.
    public let last: String

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              parts[0].count == 4, let year = Int(parts[0]), year >= 1 else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let y = String(parts[0])
        guard parts.count > 1 else { first = y + "-01-01"; last = y + "-12-31"; return }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        let days = Self.days(inMonth: month, year: year)
        guard parts.count > 2 else { first = "\(y)-\(two(month))-01"; last = "\(y)-\(two(month))-\(two(days))"; return }
        guard parts[2].count == 2, let day = Int(parts[2]), (1...days).contains(day) else { return nil }
        first = "\(y)-\(two(month))-\(two(day))"
        last = first
    }

    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
