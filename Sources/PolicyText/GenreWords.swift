/// A genre word (文种) that ends an official title: "…的通知", "…实施意见", "…行动方案（2023—2025年）".
public struct GenreWord: Sendable, Hashable {
    /// The word as written: "实施意见".
    public let word: String
    /// The kind of document the word makes a title (nil: a type word that does not make a segment kind, "法", "令").
    public let kind: DocumentKind?
    /// Specific enough to mark a title in running prose without 《》 (not "法", "令", "政策" …).
    public let isStrong: Bool
    /// The word's scalars, kept so that matching a title's end allocates nothing per word.
    let scalars: [Unicode.Scalar]

    init(word: String, kind: DocumentKind?, isStrong: Bool) {
        self.word = word
        self.kind = kind
        self.isStrong = isStrong
        scalars = Array(word.unicodeScalars)
    }
}

/// The genre words of Chinese official documents (GB/T 9704-2012 and the 文种 of 《党政机关公文处理工作条例》 plus the
/// plan and rule words policy titles end with). The one list of them: `DocumentKind.fromTitle` and the document
/// type of a node both read it.
public enum GenreWords {
    /// Every genre word, longest first so that "实施意见" wins over "意见".
    public static let all: [GenreWord] = table.map { GenreWord(word: $0.0, kind: $0.1, isStrong: $0.2) }
        .sorted { $0.scalars.count > $1.scalars.count }

    /// word, kind, strong.
    private static let table: [(String, DocumentKind?, Bool)] = [
        // 公文 (条例 §8)
        ("决议", .notice, false), ("决定", .notice, true), ("命令", .notice, false), ("令", nil, false),
        ("公报", .report, false), ("公告", .notice, true), ("通告", .notice, true), ("意见", .opinion, true),
        ("通知", .notice, true), ("通报", .notice, false), ("报告", .report, false), ("请示", .notice, false),
        ("批复", .notice, true), ("议案", .notice, false), ("函", .notice, false), ("纪要", .report, false),
        // opinions, plans, rules
        ("实施意见", .opinion, true), ("指导意见", .opinion, true),
        ("纲要", .outline, true), ("规划", .plan, true), ("方案", .plan, true), ("计划", .plan, true),
        ("行动计划", .plan, true), ("要点", .plan, false), ("清单", .plan, false),
        ("办法", .measures, true), ("实施办法", .measures, true), ("管理办法", .measures, true), ("措施", .measures, true),
        ("细则", .measures, true), ("实施细则", .measures, true), ("规定", .measures, true), ("条例", .measures, true),
        ("举措", .measures, false), ("指引", .measures, false), ("指南", .measures, true), ("准则", .measures, false),
        ("规则", .measures, false),
        // a government's or a congress committee's rules of its own procedure ("某县人民政府工作规则", "常务会议议事规则")
        ("工作规则", .measures, true), ("议事规则", .measures, true),
        // a party committee's proposals for a plan ("关于制定…规划的建议"), a government's statement ("…的声明")
        ("建议", .opinion, false), ("声明", .notice, false),
        // type words only
        ("倡议", nil, false), ("协定", nil, false), ("公约", nil, false), ("意向", nil, false), ("政策", nil, false),
        ("目录", nil, false), ("标准", nil, false), ("法", nil, false),
    ]

    /// The genre word ending `title`, after trailing spaces, closing quotes and parenthesised notes
    /// ("（2022－2035年）", "（试行）") are dropped; nil when the title ends with none.
    public static func genre(ofTitle title: String) -> GenreWord? {
        var t = Array(title.unicodeScalars)
        while let last = t.last {
            if last == " " || last == "\u{3000}" || last == "》" || last == "〉" || last == "”" || last == "\"" {
                t.removeLast(); continue
            }
            if last == "）" || last == ")", let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0 {
                t.removeSubrange(open...); continue
            }
            break
        }
        guard let last = t.last, lastScalars.contains(last) else { return nil }
        for genre in all {
            let w = genre.scalars
            if t.count >= w.count, t[(t.count - w.count)...].elementsEqual(w) { return genre }
        }
        return nil
    }

    /// The last scalars of the genre words (a cheap first test).
    static let lastScalars: Set<Unicode.Scalar> = Set(all.map { $0.word.unicodeScalars.last! })
}
