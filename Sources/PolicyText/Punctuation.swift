import PolicyGrammar

/// The punctuation the layout and sentence rules test, each set written as its characters, in one place.
public enum Punctuation {
    /// End a sentence: 。！？；… and ASCII ! ? (a colon does not: it introduces what follows).
    public static let sentenceEnders = ScalarSet("。！？；…!?")
    /// End a line that ends its paragraph (a hard line break after them is a paragraph break): the sentence enders,
    /// the colon and ASCII ; and :.
    public static let lineEnders = ScalarSet("。！？；：…!?;:")
    /// End a clause: a line ending in one is no heading (。；，！？： and ASCII : ; ,).
    public static let clauseEnders = ScalarSet("。；，！？：:;,")
    /// The clause enders, 、 and ASCII ! ?: a line ending in one is no wrapped part of a title.
    public static let wrappedTitleBreakers = ScalarSet("。；，！？：:;,、!?")
    /// Closing quotation marks: right after a sentence ender they end the sentence with it.
    public static let closingQuotes = ScalarSet("”’」』")
    /// Open a quotation, a title or a parenthesis: a sentence does not end inside them.
    public static let openingBrackets = ScalarSet("“‘（《【「『〈(")
    /// Close what `openingBrackets` open.
    public static let closingBrackets = ScalarSet("”’）》】」』〉)")
    /// After them a sentence obviously continues on the next line.
    public static let continuing = ScalarSet("，、（《“‘〈【「『,(")
    /// Bullets that start a list item.
    public static let bullets = ScalarSet("○●◆■•★△◇□")
}
