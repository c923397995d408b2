import Foundation
import PolicyCore

/// A file to ingest: a file on disk or a member of a zip archive.
public struct Input: Sendable, Hashable {
    /// The source path: as the user gave it (or as found below a folder the user gave); for an archive member
    /// `archive.zip!/dir/member.txt` (see `ArchiveMemberPath`).
    public let path: String
    /// The source's identity (canonical path, see `SourceIdentity`): which recorded source this input is.
    public let identity: String
    /// For a file, by magic bytes (else extension); for an archive member, by extension (the reader still
    /// decides by magic bytes).
    public let format: InputFormat
    /// Size in bytes (uncompressed for an archive member).
    public let size: Int
    /// Where the bytes are.
    public let location: Location
    /// The input's position in the list `discoverInputs` returned (0 for an input made by hand): the order one
    /// process ingests the inputs in, which `kg merge` restores from shards (`SourceContribution.ordinal`).
    public internal(set) var ordinal = 0

    /// Where an input's bytes are.
    public enum Location: Sendable {
        case file
        /// A member read in memory from an open archive.
        case zipMember(ZipArchive, ZipArchive.Member)
    }

    /// A file on disk (`identity`: by default `SourceIdentity.of(path)`).
    public init(path: String, identity: String? = nil, format: InputFormat, size: Int) {
        self.init(path: path, identity: identity ?? SourceIdentity.of(path), format: format, size: size, location: .file)
    }

    init(path: String, identity: String, format: InputFormat, size: Int, location: Location) {
        self.path = path
        self.identity = identity
        self.format = format
        self.size = size
        self.location = location
    }

    /// The input's bytes (a member is decompressed in memory and its checksum verified).
    public func readBytes() throws -> [UInt8] {
        switch location {
        case .file:
            do { return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
                throw KGError(file: path, "cannot read: \(error.localizedDescription)")
            }
        case .zipMember(let archive, let member):
            return try archive.bytes(of: member)
        }
    }

    /// Inputs are equal when path, format and size are.
    public static func == (a: Input, b: Input) -> Bool {
        a.path == b.path && a.format == b.format && a.size == b.size
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(format)
        hasher.combine(size)
    }
}
