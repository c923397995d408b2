import Testing
@testable import PolicyExtraction

@Suite struct DocumentTypeTests {
    @Test func typesFromTitleEndings() {
        #expect(DocumentType.of(title: "教育部关于加强学校体育工作的实施意见") == "实施意见")
        #expect(DocumentType.of(title: "某市关于印发《城市更新行动方案》的通知") == "通知")
        #expect(DocumentType.of(title: "乡村建设发展规划纲要（2021－2030年）") == "纲要")
        #expect(DocumentType.of(title: "城市更新三年行动方案") == "方案")
        #expect(DocumentType.of(title: "关于加强水资源管理的决定") == "决定")
        #expect(DocumentType.of(title: "数字乡村建设") == nil)
    }
}
