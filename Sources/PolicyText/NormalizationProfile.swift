/// File-level parameters of normalisation, derived from the statistics of the whole file
/// (so that a part of a file can be normalised exactly as it is inside the whole).
public struct NormalizationProfile: Sendable, Equatable {
    /// The file shows the doubled-print artifact: lines that split completely into squares are undoubled.
    public var undoubleLines: Bool
    /// Display width (CJK = 2 columns) of a full, hard-wrapped line; 0 when the file has no such lines.
    public var fullLineWidth: Int
    /// The file is written in traditional characters: every line with a character that t2s changes is converted
    /// (in other files only lines that are traditional text by themselves).
    public var convertsTraditional: Bool

    /// A profile given explicitly (normally derived by `NormalizedText.init(_:)`).
    public init(undoubleLines: Bool, fullLineWidth: Int, convertsTraditional: Bool = false) {
        self.undoubleLines = undoubleLines
        self.fullLineWidth = fullLineWidth
        self.convertsTraditional = convertsTraditional
    }

    /// The narrowest width (columns) text is hard-wrapped at: ten characters, a narrow newspaper column. Equally wide
    /// short lines below it are a list (a table of contents' "1.1编制目的", a page's link lines), not a wrap.
    static let narrowestWrap = 20

    /// Lines at least this wide that do not end a sentence continue on the next line. Allows for the two-character
    /// indent of a paragraph's first line and for narrower Latin digits.
    var joinWidth: Int { fullLineWidth < Self.narrowestWrap ? Int.max : max(fullLineWidth * 70 / 100, fullLineWidth - 10) }
}
