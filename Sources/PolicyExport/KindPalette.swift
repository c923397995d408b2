import PolicyCore

/// A colour per node kind, shared by every visual format (GraphML, GEXF viz:color, DOT, yEd).
public enum KindPalette {
    public struct Colour: Equatable, Sendable {
        public var red: UInt8, green: UInt8, blue: UInt8
        /// `#rrggbb`
        public var hex: String {
            let digits = Array("0123456789abcdef".utf8)
            var out: [UInt8] = [0x23]
            for v in [red, green, blue] { out.append(digits[Int(v >> 4)]); out.append(digits[Int(v & 15)]) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let known: [NodeKind: Colour] = [
        .agency: Colour(red: 31, green: 119, blue: 180),
        .document: Colour(red: 148, green: 103, blue: 189),
        .region: Colour(red: 44, green: 160, blue: 44),
        .programme: Colour(red: 255, green: 127, blue: 14),
        .target: Colour(red: 214, green: 39, blue: 40),
        .person: Colour(red: 140, green: 86, blue: 75),
        .organization: Colour(red: 23, green: 190, blue: 207),
    ]
    private static let others: [Colour] = [
        Colour(red: 227, green: 119, blue: 194), Colour(red: 127, green: 127, blue: 127),
        Colour(red: 188, green: 189, blue: 34), Colour(red: 174, green: 199, blue: 232),
    ]

    /// The colour of a kind; unnamed kinds get a stable colour from their name.
    public static func colour(of kind: NodeKind) -> Colour {
        if let c = known[kind] { return c }
        var h: UInt32 = 2166136261
        for b in kind.rawValue.utf8 { h = (h ^ UInt32(b)) &* 16777619 }
        return others[Int(h % UInt32(others.count))]
    }
}
