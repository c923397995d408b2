/// A user-facing error that names the file and line it concerns, printed as `file:line: error: message`.
public struct KGError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        switch (file, line) {
        case let (f?, l?): return "\(f):\(l): error: \(message)"
        case let (f?, nil): return "\(f): error: \(message)"
        default: return "error: \(message)"
        }
    }
}
