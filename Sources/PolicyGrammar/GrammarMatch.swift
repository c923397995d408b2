/// A successful match of a pattern: the scalar range it covers and the ranges of its named captures.
public struct GrammarMatch: Sendable, Equatable {
    /// Scalar indices of the whole match in the text it was matched against.
    public let range: Range<Int>
    /// The captures in the order they closed (a capture inside a repetition may occur several times).
    public let captures: [Capture]

    /// A named part of a match.
    public struct Capture: Sendable, Equatable {
        public let name: String
        public let range: Range<Int>
    }

    /// The range of the last capture called `name` (nil when that part was not matched).
    public subscript(name: String) -> Range<Int>? { captures.last { $0.name == name }?.range }

    /// The ranges of every capture called `name`, in text order.
    public func all(_ name: String) -> [Range<Int>] {
        captures.filter { $0.name == name }.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The text of scalars `range` (for rules and tests that want the matched words as a string).
    public func string(_ range: Range<Int>) -> String {
        String(scalars: self[range])
    }
}
