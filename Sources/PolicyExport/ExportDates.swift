import PolicyCore

/// Document dates as exporters use them: ISO `yyyy-mm-dd` strings padded from `yyyy-mm` / `yyyy`.
public enum ExportDates {
    /// A full `yyyy-mm-dd` date from an ISO date or prefix (`yyyy`, `yyyy-mm`), padded with `pad` ("01" or "12"/"31"
    /// for range ends), or nil when the text does not start with a 4-digit year.
    public static func normalized(_ text: String, endOfPeriod: Bool = false) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let yearPart = parts.first, yearPart.count == 4, let year = Int(yearPart) else { return nil }
        var month = endOfPeriod ? 12 : 1
        var day = endOfPeriod ? 31 : 1
        if parts.count > 1 {
            guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
            if endOfPeriod { day = daysIn(month: m, year: year) }
        }
        if parts.count > 2 {
            guard let d = Int(parts[2].prefix(2)), (1...31).contains(d) else { return nil }
            day = d
        }
        return padded(year, width: 4) + "-" + padded(month, width: 2) + "-" + padded(day, width: 2)
    }

    /// The year of a normalised date.
    public static func year(_ normalized: String) -> Int? { Int(normalized.prefix(4)) }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Zero-padded decimal.
func padded(_ v: Int, width: Int) -> String {
    let digits = String(v)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
