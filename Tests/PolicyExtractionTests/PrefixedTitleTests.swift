import Testing
import PolicyText
@testable import PolicyExtraction

/// A page prints a title once with its 发文机关 and once without ("某某部关于…的通知" / "关于…的通知"): one document
/// (issue 12). Each on two sources' shapes and a near miss.
extension DocumentRegistryTests {
    @Test func aTitleWithAndWithoutItsIssuersIsOneDocument() {
        // A law database: the prefixed title first, then the text under the bare title with its 署名 and date.
        var registry = DocumentRegistry()
        let prefixed = draft("某某部关于印发《某某工作规则》的通知", fullText: true, source: .title, issuers: ["某某部"])
        var signed = draft("关于印发《某某工作规则》的通知", fullText: true, source: .signature, issuers: ["某某部"])
        signed.date = "2031-07-04"
        let a = registry.register(prefixed)
        let b = registry.register(signed)
        #expect(a == b)
        #expect(registry.drafts.count == 1 && registry.drafts[0].date == "2031-07-04")
        // A portal: the bare 转发 title with its 文号 first, the prefixed one after.
        var second = DocumentRegistry()
        second.register(draft("转发省某某厅关于做好某某工作的意见的通知", number: "某政办发〔2031〕21号", fullText: true,
                              source: .signature, issuers: ["某某省人民政府办公厅"]))
        second.register(draft("某某省人民政府办公厅转发省某某厅关于做好某某工作的意见的通知", fullText: true, source: .title,
                              issuers: ["某某省人民政府办公厅"]))
        #expect(second.drafts.count == 1 && second.drafts[0].number?.text == "某政办发〔2031〕21号")
    }

    @Test func aForwardedTitleUnderAnotherIssuerIsAnotherDocument() {
        // Near misses: the same bare title under another issuer, and the document a notice forwards.
        var registry = DocumentRegistry()
        registry.register(draft("甲部关于做好某某工作的通知", fullText: true, source: .title, issuers: ["甲部"]))
        registry.register(draft("关于做好某某工作的通知", fullText: true, source: .signature, issuers: ["乙部"]))
        #expect(registry.drafts.count == 2)
        var forwarding = DocumentRegistry()
        forwarding.register(draft("某某省人民政府办公厅转发省财政厅关于做好某某工作的通知", fullText: true, source: .title,
                                  issuers: ["某某省人民政府办公厅"]))
        forwarding.register(draft("省财政厅关于做好某某工作的通知", fullText: true))
        #expect(forwarding.drafts.count == 2)
    }
}
