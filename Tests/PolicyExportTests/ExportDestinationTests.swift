import Foundation
import PolicyCore
import PolicyExport
import PolicyStore
import Testing

@Suite("Where exports go: atomic files, devices, write errors")
struct ExportDestinationTests {
    let graph = ExportFixture.graph()

    @Test("a full disk is an error naming the file, for libxml2 and byte-sink formats", .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func fullDisk() {
        for format in [ExportFormat.graphml, .ntriples, .jsonl] {
            #expect(throws: KGError.self) { try GraphExporter.export(graph, format: format, options: ExportOptions(), to: "/dev/full") }
            do {
                try GraphExporter.export(graph, format: format, options: ExportOptions(), to: "/dev/full")
            } catch let e as KGError {
                #expect(e.file == "/dev/full" && e.message.contains("No space left"))
            } catch { Issue.record("unexpected \(error)") }
        }
    }

    @Test("a missing directory is an error; no temporary file is left behind")
    func missingDirectory() throws {
        let dir = Consumers.temporaryDirectory()
        #expect(throws: KGError.self) {
            try GraphExporter.export(graph, format: .gexf, options: ExportOptions(), to: dir + "/missing/g.gexf")
        }
        let path = dir + "/g.graphml"
        let written = try GraphExporter.exportCountingBytes(graph, format: .graphml, options: ExportOptions(), to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["g.graphml"])
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(written.bytes == size)
    }

    @Test("writing to a device streams into it (byte count still reported)")
    func device() throws {
        let r = try GraphExporter.exportCountingBytes(graph, format: .turtle, options: ExportOptions(), to: "/dev/null")
        #expect(r.bytes > 1000)
        #expect(FileManager.default.fileExists(atPath: "/dev/null"))
    }
}
