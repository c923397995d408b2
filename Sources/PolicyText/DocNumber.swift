/// 文号 (document numbers) such as "财金〔2022〕119号", "工信部联运行〔2022〕160号", "国科发社[2022]320号".
public enum DocNumber {
    static let openers: Set<UInt32> = [0x3014, 0x5B, 0x3010, 0x28, 0xFF08, 0xFF3B, 0x2308]
    static let closers: Set<UInt32> = [0x3015, 0x5D, 0x3011, 0x29, 0xFF09, 0xFF3D, 0x2309]

    /// Parses a text that is entirely a 文号 (spaces allowed) and returns it with the year in 〔〕.
    public static func parseWhole(_ text: String) -> String? {
        guard text.utf8.count <= 120, text.utf8.last == 0xB7 else { return nil }   // 号 = E5 8F B7
        let s = text.unicodeScalars.map(\.value).filter { $0 != 0x20 }
        if let (value, length) = parse(s, at: 0), length == s.count { return value }
        return announcementNumber(text)
    }

    /// All 文号 in a text, normalised, with scalar ranges.
    public static func findAll(in text: String) -> [(value: String, scalarRange: Range<Int>)] {
        let s = Array(text.unicodeScalars.map(\.value))
        var out: [(String, Range<Int>)] = []
        var i = 0
        while i < s.count {
            if openers.contains(s[i]) {
                // Walk back over the issuer abbreviation.
                var start = i
                while start > 0 && i - start < 12 && ScalarClass.isIdeograph(s[start - 1]) { start -= 1 }
                if start < i, let (value, length) = parse(s, at: start) {
                    out.append((value, start..<(start + length)))
                    i = start + length
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// prefix (1–12 ideographs) + bracket + 4-digit year + bracket + number + 号.
    static func parse(_ s: [UInt32], at i: Int) -> (String, Int)? {
        var k = i
        while k < s.count && k - i < 12 && ScalarClass.isIdeograph(s[k]) { k += 1 }
        let prefixEnd = k
        guard prefixEnd > i, k < s.count, openers.contains(s[k]) else { return nil }
        k += 1
        let yearStart = k
        while k < s.count && k - yearStart < 4 && ScalarClass.isASCIIDigit(s[k]) { k += 1 }
        guard k - yearStart == 4, k < s.count, closers.contains(s[k]) else { return nil }
        let yearEnd = k
        k += 1
        let numberStart = k
        while k < s.count && k - numberStart < 5 && ScalarClass.isASCIIDigit(s[k]) { k += 1 }
        guard k > numberStart, k < s.count, s[k] == 0x53F7 else { return nil }   // 号
        k += 1
        var out = scalarString(s[i..<prefixEnd])
        out += "〔"
        out += scalarString(s[yearStart..<yearEnd])
        out += "〕"
        out += scalarString(s[numberStart..<(k - 1)])
        out += "号"
        return (out, k - i)
    }

    static func scalarString(_ s: ArraySlice<UInt32>) -> String {
        String(decoding: UTF8Bytes.encode(s), as: UTF8.self)
    }

    /// Announcement numbers: "财政部 税务总局公告2022年第32号" (spaces between issuers kept, others dropped).
    static func announcementNumber(_ text: String) -> String? {
        let t = text.trimmingSpaces
        guard t.hasSuffix("号"), let gong = t.firstRange(of: "公告") ?? t.firstRange(of: "令") else { return nil }
        let issuers = t[t.startIndex..<gong.lowerBound]
        guard !issuers.isEmpty, issuers.unicodeScalars.allSatisfy({ ScalarClass.isIdeograph($0.value) || $0 == " " }) else { return nil }
        let rest = t[gong.upperBound...].replacingSpaces
        let s = Array(rest.unicodeScalars.map(\.value))
        // yyyy年第n号 or 第n号
        var k = 0
        while k < s.count && ScalarClass.isASCIIDigit(s[k]) { k += 1 }
        guard k == 0 || (k == 4 && k < s.count && s[k] == 0x5E74) else { return nil }   // 年
        if k == 4 { k += 1 }
        guard k < s.count, s[k] == 0x7B2C else { return nil }                              // 第
        k += 1
        let numberStart = k
        while k < s.count && ScalarClass.isASCIIDigit(s[k]) { k += 1 }
        guard k > numberStart, k == s.count - 1 else { return nil }
        return issuers.trimmingSpaces + t[gong].description + rest
    }
}
