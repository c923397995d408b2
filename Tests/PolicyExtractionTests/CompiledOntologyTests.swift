import Foundation
import Testing
import PolicyCore
import PolicyOntology
import PolicyText
import TestSupport
@testable import PolicyExtraction

/// The compiled ontology read back from its cache file recognises exactly what a freshly built recogniser does;
/// a damaged, truncated or outdated file is never trusted.
@Suite struct CompiledOntologyTests {
    let ontologyDirectory = entityTestsPackageRoot.appendingPathComponent("Ontology").path

    /// A fresh, empty cache folder.
    private func cacheFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "kg-ontology-cache-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A folder holding a copy of the shipped ontology's data files.
    private func copyOfTheOntology() throws -> String {
        let copy = try cacheFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: ontologyDirectory) where name.hasSuffix(".tsv") || name.hasSuffix(".txt") {
            try FileManager.default.copyItem(atPath: ontologyDirectory + "/" + name, toPath: copy + "/" + name)
        }
        return copy
    }

    private func load(_ directory: String, cache: String) throws -> CompiledOntology {
        try CompiledOntology.load(directory: directory, environment: ["KG_CACHE": cache])
    }

    @Test func secondRunReadsTheFileTheFirstWrote() throws {
        let folder = try cacheFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try load(ontologyDirectory, cache: folder)
        guard case .compiled(let stored?) = first.origin else { Issue.record("not stored: \(first.origin)"); return }
        let second = try load(ontologyDirectory, cache: folder)
        #expect(second.origin == .cache(path: stored))
        #expect(second.ontology.agencies == first.ontology.agencies)
        #expect(second.ontology.regions == first.ontology.regions)
        #expect(second.ontology.programmes == first.ontology.programmes)
        #expect(second.ontology.localBodySuffixes == first.ontology.localBodySuffixes)
        #expect(second.ontology.genericRoles == first.ontology.genericRoles)
        #expect(second.ontology.organizations == first.ontology.organizations)
        #expect(second.ontology.bodyHeads == first.ontology.bodyHeads)
        #expect(second.ontology.issuanceVerbs == first.ontology.issuanceVerbs)
        let (a, b) = (second.ontology.targetVocabulary, first.ontology.targetVocabulary)
        #expect(a.units == b.units && a.comparators == b.comparators && a.redLineWords == b.redLineWords
                && a.kindWords == b.kindWords && a.deadlinePatterns == b.deadlinePatterns)
        #expect(second.dictionaries.targets == first.dictionaries.targets)
        #expect(second.dictionaries.surfaces == first.dictionaries.surfaces)
        #expect(second.dictionaries.regionTargets == first.dictionaries.regionTargets)
        #expect(second.dictionaries.regionSurfaces == first.dictionaries.regionSurfaces)
    }

    /// Every mention in the seed corpus (two different digests' worth of real text), from the cached recogniser
    /// and from one built from the data files.
    @Test func cachedRecogniserFindsWhatABuiltOneFinds() throws {
        let folder = try cacheFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try load(ontologyDirectory, cache: folder)
        let cached = try load(ontologyDirectory, cache: folder)
        guard case .cache = cached.origin else { Issue.record("not read from the cache"); return }
        let fromCache = EntityRecognizer(compiled: cached)
        let built = EntityRecognizer(ontology: try Ontology.load(directory: ontologyDirectory))
        let corpus = sharedDirectory + "/corpus"
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
        try #require(files.count >= 2)
        var mentions = 0
        for name in files {
            let text = NormalizedText(try SourceText.read(path: corpus + "/" + name)).utf8
            let a = fromCache.mentions(in: text, range: 0..<text.count, contextProvince: nil)
            let b = built.mentions(in: text, range: 0..<text.count, contextProvince: nil)
            #expect(a == b, "\(name)")
            mentions += a.count
        }
        #expect(mentions > 1000)
    }

    @Test func damagedOrTruncatedFilesAreCompiledAgainAndRewritten() throws {
        let folder = try cacheFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard case .compiled(let path?) = try load(ontologyDirectory, cache: folder).origin else {
            Issue.record("not stored"); return
        }
        let good = try #require(FileManager.default.contents(atPath: path))
        // A flipped bit in each part of the file (magic, key, checksum, payload start, middle and end), and
        // cuts inside the header, just after it and one byte short.
        let header = "KGCOMPILED".utf8.count + 32 + 32
        var damaged: [Data] = [0, 10, 20, 50, header + 3, good.count / 2, good.count - 1].map { offset in
            var bytes = [UInt8](good)
            bytes[offset] ^= 0x10
            return Data(bytes)
        }
        damaged += [0, 50, header, good.count - 1].map { good.prefix($0) }
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: path))
            let again = try load(ontologyDirectory, cache: folder)
            #expect(again.origin == .compiled(storedAt: path))
            #expect(FileManager.default.contents(atPath: path) == good)
        }
    }

    @Test func anEditedOntologyIsCompiledAfresh() throws {
        let folder = try cacheFolder(), copy = try copyOfTheOntology()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: copy)
        }
        _ = try load(copy, cache: folder)
        guard case .cache = try load(copy, cache: folder).origin else { Issue.record("unchanged copy not cached"); return }
        let programmes = copy + "/" + Ontology.FileName.programmes
        let text = try String(contentsOfFile: programmes, encoding: .utf8)
        try (text + "数字乡村试点示范工程\t\tcore\n").write(toFile: programmes, atomically: true, encoding: .utf8)
        let edited = try load(copy, cache: folder)
        guard case .compiled = edited.origin else { Issue.record("edited ontology read from the old file"); return }
        #expect(edited.ontology.programmes.contains { $0.canonical == "数字乡村试点示范工程" })
    }

    @Test func aMalformedOntologyStillNamesFileAndLine() throws {
        let folder = try cacheFolder(), copy = try copyOfTheOntology()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: copy)
        }
        let programmes = copy + "/" + Ontology.FileName.programmes
        let text = try String(contentsOfFile: programmes, encoding: .utf8)
        try (text + "某某工程\t\tmaybe\n").write(toFile: programmes, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(throws: KGError.self) { try load(copy, cache: folder) }
        do { _ = try load(copy, cache: folder) } catch let error as KGError {
            #expect(error.file == programmes)
            #expect(error.line == lines)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func offMeansNoFile() throws {
        let compiled = try CompiledOntology.load(directory: ontologyDirectory, environment: ["KG_CACHE": "off"])
        #expect(compiled.origin == .compiled(storedAt: nil))
    }

    @Test func archiveReaderRefusesEveryTruncation() throws {
        var writer = ArchiveWriter()
        writer.write(["财政部", "国家发展和改革委员会", ""])
        writer.write(block: [Int32(-1), 7, Int32.max])
        writer.write(Optional("PPP"))
        writer.write(Optional<String>.none)
        writer.write(2.5)
        let bytes = writer.bytes
        func readAll(_ bytes: [UInt8]) throws -> ([String], [Int32], String?, String?, Double) {
            try bytes.withUnsafeBytes { raw in
                var reader = ArchiveReader(raw)
                let result = (try reader.read([String].self), try reader.readBlock(Int32.self), try reader.read(String?.self),
                              try reader.read(String?.self), try reader.read(Double.self))
                guard reader.isAtEnd else { throw ArchiveReader.Damaged() }
                return result
            }
        }
        let whole = try readAll(bytes)
        #expect(whole.0 == ["财政部", "国家发展和改革委员会", ""] && whole.1 == [-1, 7, Int32.max])
        #expect(whole.2 == "PPP" && whole.3 == nil && whole.4 == 2.5)
        for cut in 0..<bytes.count {
            #expect(throws: ArchiveReader.Damaged.self) { try readAll(Array(bytes.prefix(cut))) }
        }
    }
}
