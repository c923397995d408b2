import Foundation
import PolicyCore
import PolicyOntology
import PolicyText

/// The ontology with the recogniser's dictionaries built: what every `kg ingest` needs before it reads a file.
/// Compiling it (parsing the data files, building the automata) is most of a small ingest's start-up, so the
/// result is kept in a `CompiledCacheFile` (kind `ontology`, preferably in `.compiled/` inside the ontology folder)
/// and read back by later runs. Its key is a SHA-256 of the ontology's data files and of the running executable's
/// identity: an edited ontology or a rebuilt `kg` compiles afresh; a damaged file is ignored and rewritten.
public struct CompiledOntology: Sendable {
    public let ontology: Ontology
    let dictionaries: RecognizerDictionaries
    /// The grammar of official body names (built from the ontology, not stored: it holds closures).
    let grammar: BodyGrammar

    /// How this value was obtained, for tests and benchmarks.
    public enum Origin: Sendable, Equatable {
        /// Read from this cache file.
        case cache(path: String)
        /// Compiled from the data files (and stored at `storedAt`, when some cache folder could be written).
        case compiled(storedAt: String?)
    }
    public let origin: Origin

    /// Version of the file layout and of everything archived in it: bump it when any archived type changes.
    static let formatVersion: UInt32 = 1

    /// Compiles the ontology in `directory` (no cache involved). A malformed data file throws a `KGError` naming
    /// file and line.
    public init(compiling directory: String) throws {
        try self.init(compiling: try Ontology.load(directory: directory))
    }

    /// Builds the dictionaries of an ontology already loaded: the two automata and the body grammar (the costly
    /// parts, independent of each other) on two threads at once.
    public init(compiling ontology: Ontology) {
        self.ontology = ontology
        let lists = RecognizerDictionaries.Lists(ontology: ontology)
        let built = EntityRecognizer.buildInParallel(
            { LongestMatchAutomaton(strings: lists.surfaces.enumerated().map { ($1, Int32($0)) }) },
            { (LongestMatchAutomaton(strings: lists.regionSurfaces.enumerated().map { ($1, Int32($0)) }), BodyGrammar(ontology: ontology)) })
        dictionaries = RecognizerDictionaries(lists, automaton: built.0, regionAutomaton: built.1.0)
        grammar = built.1.1
        origin = .compiled(storedAt: nil)
    }

    private init(ontology: Ontology, dictionaries: RecognizerDictionaries, grammar: BodyGrammar, origin: Origin) {
        self.ontology = ontology
        self.dictionaries = dictionaries
        self.grammar = grammar
        self.origin = origin
    }

    /// The compiled ontology of `directory`: read from the cache when a valid file for this ontology and this
    /// executable is there, else compiled and stored for the next run. `environment` supplies `KG_CACHE`.
    public static func load(directory: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CompiledOntology {
        let folders = CompiledCacheFile.folders(preferred: (directory as NSString).appendingPathComponent(".compiled"),
                                                environment: environment)
        guard !folders.isEmpty, let key = try? cacheKey(directory: directory) else {
            return try CompiledOntology(compiling: directory)
        }
        if let (payload, path) = CompiledCacheFile.read(kind: "ontology", key: key, folders: folders),
           let cached = decode(payload, path: path) {
            return cached
        }
        let compiled = try CompiledOntology(compiling: directory)
        var writer = ArchiveWriter()
        compiled.ontology.archive(into: &writer)
        compiled.dictionaries.archive(into: &writer)
        let stored = CompiledCacheFile.write(kind: "ontology", key: key, payload: writer.bytes, folders: folders)
        return CompiledOntology(ontology: compiled.ontology, dictionaries: compiled.dictionaries, grammar: compiled.grammar,
                                origin: .compiled(storedAt: stored))
    }

    /// `load(directory:)` of `Ontology.defaultDirectory()`.
    public static func loadDefault() throws -> CompiledOntology {
        guard let directory = Ontology.defaultDirectory() else {
            throw KGError("ontology directory not found: set KG_ONTOLOGY to the Ontology/ folder")
        }
        return try load(directory: directory)
    }

    /// SHA-256 of the format version, the executable's identity and every data file of `directory` (names and bytes).
    static func cacheKey(directory: String) throws -> [UInt8] {
        var parts: [[UInt8]] = [Array("ontology \(formatVersion)".utf8), CompiledCacheFile.executableIdentity()]
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }.sorted()
        for name in names {
            guard let bytes = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name)) else {
                throw KGError(file: name, kind: .unreadable, "cannot read ontology file")
            }
            parts += [Array(name.utf8), [UInt8](bytes)]
        }
        return CompiledCacheFile.key(parts)
    }

    /// The compiled ontology in `payload` (read from `path`), or nil when it does not decode whole. The body
    /// grammar is built on a second thread while the dictionaries are read.
    private static func decode(_ payload: Data, path: String) -> CompiledOntology? {
        let decodedOntology: (Ontology, Int)? = payload.withUnsafeBytes { bytes in
            var reader = ArchiveReader(bytes)
            guard let ontology = try? Ontology(from: &reader) else { return nil }
            return (ontology, reader.offset)
        }
        guard let (ontology, dictionariesStart) = decodedOntology else { return nil }
        let (grammar, dictionaries) = EntityRecognizer.buildInParallel(
            { BodyGrammar(ontology: ontology) },
            { () -> RecognizerDictionaries? in
                payload.withUnsafeBytes { bytes in
                    var reader = ArchiveReader(UnsafeRawBufferPointer(rebasing: bytes[dictionariesStart...]))
                    guard let dictionaries = try? RecognizerDictionaries(from: &reader), reader.isAtEnd,
                          dictionaries.indexesFit(ontology) else { return nil }
                    return dictionaries
                }
            })
        guard let dictionaries else { return nil }
        return CompiledOntology(ontology: ontology, dictionaries: dictionaries, grammar: grammar, origin: .cache(path: path))
    }
}
