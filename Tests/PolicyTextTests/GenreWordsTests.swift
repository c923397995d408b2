import Testing
@testable import PolicyText

@Suite struct GenreWordsTests {
    @Test func typesFromTitleEndings() {
        #expect(GenreWords.genre(ofTitle: "教育部关于加强学校体育工作的实施意见")?.word == "实施意见")
        #expect(GenreWords.genre(ofTitle: "某市关于印发《城市更新行动方案》的通知")?.word == "通知")
        #expect(GenreWords.genre(ofTitle: "乡村建设发展规划纲要（2021－2030年）")?.word == "纲要")
        #expect(GenreWords.genre(ofTitle: "城市更新三年行动方案")?.word == "方案")
        #expect(GenreWords.genre(ofTitle: "关于加强水资源管理的决定")?.word == "决定")
        #expect(GenreWords.genre(ofTitle: "数字乡村建设")?.word == nil)
    }

    @Test func oneListGivesKindAndType() {
        #expect(GenreWords.genre(ofTitle: "西原县2031年国民经济和社会发展统计公报")?.kind == .report)
        #expect(GenreWords.genre(ofTitle: "南屏市推动经济高质量发展若干政策举措（2031年版）")?.word == "举措")
        #expect(DocumentKind.fromTitle("关于推进工作的实施意见（试行）") == .opinion)
        // Type words that make no segment kind, and a near miss.
        #expect(GenreWords.genre(ofTitle: "长江流域协同保护倡议")?.kind == nil)
        #expect(GenreWords.genre(ofTitle: "长江流域协同保护倡议")?.word == "倡议")
        #expect(GenreWords.genre(ofTitle: "数字乡村建设") == nil)
    }
}
