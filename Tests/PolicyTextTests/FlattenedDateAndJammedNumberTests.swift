import Testing
import TestSupport
@testable import PolicyText

/// Dates and numbers as copies damage them: a 署名's date line that lost its 日 ("2031年2月22"), a cover notice
/// flattened onto one line with its date right after the sentence handing the document over, and a 文号 line with
/// a forum's anti-copy jammer run on. Each on two sources' shapes and a near miss; every fixture is written for
/// these tests.
extension DocumentLayoutRuleTests {
    @Test func aWholeLineDateThatLostItsDay() {
        #expect(ChineseDate.parseWhole("2031年2月22") == "2031-02-22")
        #expect(ChineseDate.parseWhole("  二〇三二年十月九 ") == "2032-10-09")
        // Near misses: a month alone stays a month; a day out of range, or more text after it, is no date.
        #expect(ChineseDate.parseWhole("2031年2月") == "2031-02")
        #expect(ChineseDate.parseWhole("2031年2月45") == nil)
        #expect(ChineseDate.parseWhole("2031年2月22起") == nil)
    }

    @Test func aSignatureDateLineThatLostItsDayDatesTheDocument() throws {
        let county = try #require(try Self.segments("""
        青禾县人民政府关于下达2031年重点项目计划的通知
        青政发〔2031〕5号
        各乡镇人民政府，县政府各部门：
        现将2031年重点项目计划下达给你们，请认真组织实施。
        青禾县人民政府
        2031年3月4
        """).first { $0.title != nil })
        #expect(county.date == "2031-03-04")
        let office = try #require(try Self.segments("""
        某某市人民政府办公室关于做好2032年春季防火工作的通知
        各区人民政府，市政府各部门：
        现将有关事项通知如下，请认真贯彻执行。
        某某市人民政府办公室
        二〇三二年三月十一
        """).first { $0.title != nil })
        #expect(office.date == "2032-03-11")
    }

    @Test func aFlattenedCoverNoticeIsDatedRightAfterItsIssuingSentence() throws {
        let law = try #require(try Self.segments(
            "某某市人民政府关于印发某某市城乡环境整治实施方案的通知 某政发[2031]16号 各县、区人民政府，市政府各部门：《某某市城乡环境整治实施方案》已经市政府同意，现印发给你们，请认真组织实施。 二O三一年四月十三日 某某市城乡环境整治实施方案 为改善城乡环境，制定本方案。一、目标任务。"
        ).first)
        #expect(law.date == "2031-04-13")
        let gazette = try #require(try Self.segments(
            "某某县人民政府办公室关于转发县农业农村局春耕生产工作意见的通知 各乡镇人民政府，县直各单位：县农业农村局《关于做好春耕生产工作的意见》已经县政府同意，现转发给你们，请结合实际认真贯彻执行。 2032年2月20日 关于做好春耕生产工作的意见 为做好今年春耕生产，提出如下意见。一、抓好农资供应。二、抓好技术服务。"
        ).first)
        #expect(gazette.date == "2032-02-20")
        // Near miss: a date right after the sentence that opens a rule's effective time ("自…起施行") is no 成文日期.
        let rule = try #require(try Self.segments(
            "某某市人民政府关于印发某某市停车管理办法的通知 各区人民政府，市政府各部门：现将《某某市停车管理办法》印发给你们，请认真贯彻执行。2031年5月1日起，城区实行新的停车收费标准，各区要做好宣传解释工作，确保平稳过渡，并及时报告执行中的问题。"
        ).first)
        #expect(rule.date == nil)
    }

    @Test func aNumberLineWithAForumJammerRunOn() throws {
        let forum = try #require(try Self.segments("""
        关于印发某某试点城市名单的通知( _8 M1 x* {3 N# y1 D9 w
        某卫办医政函〔2031〕19号/ G; t3 d8 f* N* I# ~
        各省、自治区、直辖市卫生健康委：
        现将名单印发给你们，请认真组织实施。
        """).first { $0.title != nil })
        #expect(forum.docNumber?.text == "某卫办医政函〔2031〕19号")
        #expect(DocumentSegmenter.parseJammed("某政办发〔2032〕7号 ) m9 s. G4 T3 T3 H ~ $")?.text == "某政办发〔2032〕7号")
        // Near miss: a line that is no 文号 without the jammer stays none; a clean line is not read as jammed.
        #expect(DocumentSegmenter.parseJammed("请各地认真落实 ! m! S, O3 Z8 P6") == nil)
        #expect(DocumentSegmenter.parseJammed("某政办发〔2032〕7号") == nil)
    }
}
