/// Pinyin glosses that conversion sites write after characters: `發(fā)`, `國(guo)家`, `會(huì )`, `場(chang)(chang)`.
/// The normaliser drops them from the clean text (mapped as deletions), so that the characters around them read as
/// one word again.
///
/// `gloss → ideograph "(" space* syllable tone? space* ")"` — with half- or full-width parentheses; `syllable` is a
/// syllable of Hanyu Pinyin in lower case, with or without tone marks (`ü` also written `v`), `tone` a digit 1–5.
/// A bare one-letter syllable without tone mark (`(a)`, `(e)`) is an item label, not a gloss; upper case
/// (`(GDP)`, `(PPP)`), ideographs (`（试行）`, `(一)`), words that are no syllable (`(city)`) and parentheses after
/// anything but an ideograph are kept.
public enum PinyinGloss {
    /// Scalars of the gloss that starts at `s[i]` (an opening parenthesis; the caller checked that an ideograph
    /// precedes it) before `end`, or 0 when none starts there.
    static func length(_ s: UnsafeBufferPointer<UInt32>, at i: Int, end: Int) -> Int {
        let open = s[i]
        guard open == 0x28 || open == 0xFF08 else { return 0 }
        var k = i + 1
        while k < end && s[k] == 0x20 { k += 1 }
        var letters: [UInt8] = []
        var toneMarked = false
        while k < end, letters.count <= 6 {
            guard let (letter, marked) = baseLetter(s[k]) else { break }
            letters.append(letter)
            toneMarked = toneMarked || marked
            k += 1
        }
        guard !letters.isEmpty, letters.count <= 6 else { return 0 }
        if k < end && s[k] >= 0x31 && s[k] <= 0x35 { toneMarked = true; k += 1 }
        while k < end && s[k] == 0x20 { k += 1 }
        guard k < end, s[k] == 0x29 || s[k] == 0xFF09 else { return 0 }
        guard letters.count > 1 || toneMarked else { return 0 }
        guard syllables.contains(letters) else { return 0 }
        return k + 1 - i
    }

    /// `string` without the glosses written after its ideographs ("萬(wàn)億元" → "萬億元"): a word's written form
    /// when only its characters matter (a unit).
    public static func removed(from string: String) -> String {
        let scalars = string.unicodeScalars.map(\.value)
        guard scalars.contains(where: { $0 == 0x28 || $0 == 0xFF08 }) else { return string }
        var out = String.UnicodeScalarView()
        scalars.withUnsafeBufferPointer { s in
            var i = 0
            while i < s.count {
                if i > 0, ScalarClass.isIdeograph(s[i - 1]) {
                    let n = length(s, at: i, end: s.count)
                    if n > 0 { i += n; continue }
                }
                if let u = Unicode.Scalar(s[i]) { out.append(u) }
                i += 1
            }
        }
        return String(out)
    }

    /// The plain lower-case letter of a pinyin letter (`ü` → `v`) and whether it carried a tone mark; nil for
    /// anything else.
    static func baseLetter(_ v: UInt32) -> (UInt8, Bool)? {
        if v >= 0x61 && v <= 0x7A { return (UInt8(v), false) }
        switch v {
        case 0x101, 0xE1, 0x1CE, 0xE0: return (0x61, true)           // ā á ǎ à
        case 0x113, 0xE9, 0x11B, 0xE8, 0xEA: return (0x65, true)     // ē é ě è ê
        case 0x12B, 0xED, 0x1D0, 0xEC: return (0x69, true)           // ī í ǐ ì
        case 0x14D, 0xF3, 0x1D2, 0xF2: return (0x6F, true)           // ō ó ǒ ò
        case 0x16B, 0xFA, 0x1D4, 0xF9: return (0x75, true)           // ū ú ǔ ù
        case 0x1D6, 0x1D8, 0x1DA, 0x1DC: return (0x76, true)         // ǖ ǘ ǚ ǜ
        case 0xFC: return (0x76, false)                              // ü
        case 0x144, 0x148, 0x1F9: return (0x6E, true)                // ń ň ǹ
        default: return nil
        }
    }

    /// The syllables of Hanyu Pinyin (without tones; `ü` as `v`, `lüe`/`nüe` also as `lue`/`nue`).
    static let syllables: Set<[UInt8]> = {
        let table = """
            a ai an ang ao e ei en eng er o ou
            ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
            pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
            ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
            fa fan fang fei fen feng fo fou fu
            da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
            ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
            na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve nue
            la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve lue
            ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
            ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
            ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
            ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
            qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
            xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
            zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
            cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
            sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
            ra ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
            za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
            ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
            sa sai san sang sao se sen seng si song sou su suan sui sun suo
            ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
            wa wai wan wang wei wen weng wo wu
            """
        return Set(table.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.utf8) })
    }()
}
