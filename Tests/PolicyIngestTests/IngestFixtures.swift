import Foundation
import PolicyCore
import PolicyExtraction
import PolicyFormats
import PolicyIngest
import PolicyOntology
import PolicyStore
import ZIPFoundation

/// The extraction pipeline over the package's ontology, loaded once.
let sharedPipeline: ExtractionPipeline = {
    do { return ExtractionPipeline(ontology: try Ontology.loadDefault()) } catch { fatalError("ontology: \(error)") }
}()

/// A fresh folder under the temporary directory, removed when the value goes away.
final class Scratch {
    let path: String
    init(_ name: String) throws {
        path = NSTemporaryDirectory() + "kg-ingest-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))) }
    func write(_ bytes: [UInt8], _ name: String) throws {
        let url = URL(fileURLWithPath: path + "/" + name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
}

/// `count` generated notices in the mixed formats of the archive benchmark (text UTF-8/GB18030, HTML UTF-8/GBK,
/// DOCX), as (relative name, bytes), in name order. `seed` varies the content.
func generatedNotices(_ count: Int, seed: UInt64 = 7) throws -> [(name: String, bytes: [UInt8])] {
    var generator = NoticeGenerator(state: seed)
    return try (0..<count).map { i in
        // Indices chosen so that every format of the mix appears among the first few files.
        let kind = NoticeGenerator.FileKind.allCases[i % NoticeGenerator.FileKind.allCases.count]
        return (String(format: "notices/n%03d.", i) + kind.fileExtension, try generator.file(index: i, kind: kind))
    }
}

/// Writes a zip with ZIPFoundation.
func writeZip(_ path: String, _ members: [(name: String, bytes: [UInt8])]) throws {
    try? FileManager.default.removeItem(atPath: path)
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    for (name, bytes) in members {
        let data = Data(bytes)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<(Int(position) + size))
        }
    }
}

/// An ingestor writing to `graph` with small batches.
func ingestor(_ graph: String, checkpoint: Int = 3, workers: Int = 2, keepDeltas: Bool = false) -> Ingestor {
    Ingestor(pipeline: sharedPipeline, options: IngestOptions(graphPath: graph, workers: workers, checkpoint: checkpoint,
                                                              keepDeltas: keepDeltas))
}

/// The node and edge records of a graph, as sets.
func recordSets(_ g: Graph) -> (nodes: Set<NodeRecord>, edges: Set<EdgeRecord>) {
    (Set((0..<g.nodeCount).map(g.nodeRecord)), Set((0..<g.edgeCount).map(g.edgeRecord)))
}

/// The error an observer throws to stop a run.
struct StopAfterCheckpoint: Error {}
