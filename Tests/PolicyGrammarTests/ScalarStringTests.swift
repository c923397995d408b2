import Testing
import PolicyGrammar

@Suite struct ScalarStringTests {
    @Test func buildsTheStringOfAnyScalarsOneToFourBytesLong() {
        for text in ["", "PPP", "é财政部", "“十四五”规划", "𠀀𪚥 mixed ASCII 和汉字", "\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"] {
            let scalars = Array(text.unicodeScalars)
            #expect(String(scalars: scalars) == text)
            #expect(String(scalars: scalars[...]) == text)
            if scalars.count >= 2 { #expect(scalars.string(1..<scalars.count) == String(text.unicodeScalars.dropFirst())) }
        }
    }
}
