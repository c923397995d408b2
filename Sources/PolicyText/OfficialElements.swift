/// Line recognisers for the GB/T 9704-2012 elements outside title, body and signature: 版头 (份号, 密级, 紧急程度,
/// 发文机关标志, 签发人), 附注, 版记 (抄送机关, 印发机关和印发日期).
enum OfficialElements {
    /// The element a short line states, with its label and value; `header` for lines above the title.
    ///
    ///     copyNumber → digit{6}                                   (header)
    ///     secrecy    → ('绝密' | '机密' | '秘密') ('★' …)?         (header)
    ///     urgency    → '特急' | '加急' | '特提' | '平急'            (header)
    ///     issuerMark → bodies '文件'                               (header)
    ///     signer     → '签发人' '：'? names
    ///     copyTo     → '抄送' '：'? bodies
    ///     printer    → bodies date '印发'
    ///     note       → '（' ('此件' | '本件' | '联系人') … '）'
    static func element(of line: String, header: Bool) -> (element: DocumentElement, label: String, text: String)? {
        let t = line.trimmingSpaces
        let s = Array(t.unicodeScalars)
        guard !s.isEmpty, s.count <= 120 else { return nil }
        if header {
            if s.count == 6, s.allSatisfy({ $0.value &- 0x30 < 10 }) { return (.copyNumber, "", t) }
            for word in ["绝密", "机密", "秘密"] where t.hasPrefix(word) && s.count <= 16 && (s.count == 2 || s[2] == "★" || s[2] == " ") {
                return (.secrecy, "", t)
            }
            if ["特急", "加急", "特提", "平急"].contains(t.replacingSpaces) { return (.urgency, "", t) }
            if ParagraphRoles.isMastheadLine(t) { return (.issuerMark, "", t) }
        }
        for (label, element) in [("签发人", DocumentElement.signer), ("抄送机关", .copyTo), ("抄送", .copyTo)] where t.hasPrefix(label) {
            var rest = Substring(t.dropFirst(label.count))
            while let c = rest.first, c == "：" || c == ":" || c == " " { rest = rest.dropFirst() }
            guard !rest.isEmpty else { return nil }
            return (element, label, String(rest))
        }
        if t.hasSuffix("印发"), s.count <= 60, ChineseDate.find(in: t) != nil { return (.printer, "", t) }
        if (s.first == "（" && s.last == "）") || (s.first == "(" && s.last == ")") {
            let inner = String(String.UnicodeScalarView(s.dropFirst().dropLast()))
            if inner.hasPrefix("此件") || inner.hasPrefix("本件") || inner.hasPrefix("联系人") { return (.note, "", inner) }
        }
        return nil
    }

    /// First scalars of the lines recognised by their start (the 印发 and 文件 lines are recognised by their end).
    static let firstScalars: Set<UInt32> = Set("0123456789绝机秘特加平签抄（(".unicodeScalars.map(\.value))
}
