/// A user-facing error that names the file and line it concerns, printed as `file:line: error: message`, with a
/// `kind` a program can switch on (tests and the CLI assert the kind, never the prose).
public struct KGError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, for programs.
    public enum Kind: String, Sendable, Equatable {
        /// Not classified further.
        case general
        /// A named input or file does not exist.
        case notFound
        /// A file or folder exists but cannot be read (permissions, I/O).
        case unreadable
        /// The file's bytes are not what its reader expects (not text, not a zip, not a PDF …).
        case malformedInput
        /// The file is not a snapshot at all.
        case notASnapshot
        /// A snapshot written by a version this build does not read.
        case snapshotVersion
        /// A snapshot whose bytes fail their checksums or structure checks.
        case snapshotDamaged
        /// Another process is writing the snapshot.
        case snapshotBusy
        /// A name that matches no node.
        case nameNotFound
        /// A name that matches several nodes.
        case nameAmbiguous
        /// A command-line value out of its domain (a date, a relation name, a count).
        case invalidOption
    }

    public var file: String?
    public var line: Int?
    public var kind: Kind
    public var message: String

    public init(file: String? = nil, line: Int? = nil, kind: Kind = .general, _ message: String) {
        self.file = file
        self.line = line
        self.kind = kind
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
