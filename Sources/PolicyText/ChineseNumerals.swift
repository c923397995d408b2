/// Chinese numerals as used in dates and list markers (〇一二…十百千, 两, 零).
public enum ChineseNumerals {
    /// Digit value of one numeral character (十 = 10, 百 = 100, 千 = 1000), nil if not a numeral.
    @inline(__always)
    public static func value(of v: UInt32) -> Int? {
        switch v {
        case 0x3007, 0x96F6, 0x25CB, 0x004F: return 0      // 〇 零 ○ and the Latin O that extraction yields
        case 0x4E00: return 1
        case 0x4E8C, 0x4E24: return 2
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        case 0x5341: return 10
        case 0x767E: return 100
        case 0x5343: return 1000
        default: return nil
        }
    }

    /// Parses a small number written in Chinese numerals ("十二" = 12, "二十一" = 21, "一〇" digit-wise = 10).
    public static func parse(_ scalars: [UInt32]) -> Int? {
        guard !scalars.isEmpty else { return nil }
        var values: [Int] = []
        for v in scalars {
            guard let d = value(of: v) else { return nil }
            values.append(d)
        }
        if !values.contains(where: { $0 >= 10 }) {
            // Digit by digit: 二〇二四 = 2024.
            return values.reduce(0) { $0 * 10 + $1 }
        }
        var total = 0, current = 0
        for d in values {
            if d >= 10 {
                total += (current == 0 ? 1 : current) * d
                current = 0
            } else {
                current = d
            }
        }
        return total + current
    }
}
