import Foundation
import PolicyCore
import PolicyExport
import PolicyStore
import Testing

/// Running the real consumers of the exports (Python libraries, xmllint, Graphviz) from tests. A consumer that is
/// not installed disables its test with a message; with the environment variable CI set, the test runs anyway and
/// fails, so CI cannot pass without them.
enum Consumers {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let script = packageRoot + "/Tests/Peers/export_consumers.py"
    static let schema = packageRoot + "/Tests/Peers/graphml.xsd"
    static let inCI = ProcessInfo.processInfo.environment["CI"] != nil

    struct Result { var status: Int32; var stdout: Data; var stderr: String }

    static func run(_ executable: String, _ arguments: [String]) -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [executable] + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { return Result(status: 127, stdout: Data(), stderr: "\(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: data, stderr: String(decoding: errData, as: UTF8.self))
    }

    nonisolated(unsafe) private static var cache: [String: Bool] = [:]
    private static let lock = NSLock()

    /// Whether a Python module imports.
    static func hasPython(_ module: String) -> Bool {
        memo("py:" + module) { run("python3", ["-c", "import " + module]).status == 0 }
    }

    /// Whether a command is on PATH.
    static func hasCommand(_ name: String) -> Bool {
        memo("cmd:" + name) { run("sh", ["-c", "command -v " + name]).status == 0 }
    }

    private static func memo(_ key: String, _ compute: () -> Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let v = cache[key] { return v }
        let v = compute()
        cache[key] = v
        return v
    }

    /// Test condition: run when the consumer exists, or always under CI (where missing means failure).
    static func python(_ module: String) -> Bool { inCI || hasPython(module) }
    static func command(_ name: String) -> Bool { inCI || hasCommand(name) }

    /// Runs one check of export_consumers.py and decodes its JSON output.
    static func check(_ name: String, _ path: String, _ arg: String? = nil) throws -> [String: Any] {
        let r = run("python3", [script, name, path] + (arg.map { [$0] } ?? []))
        if r.status != 0 {
            Issue.record("consumer \(name) failed on \(path) (status \(r.status)): \(r.stderr)")
            throw KGError(file: path, "consumer \(name) failed")
        }
        guard let object = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any] else {
            throw KGError(file: path, "consumer \(name) printed no JSON object")
        }
        return object
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "policykg-export-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Exports `graph` to a new temporary file and returns its path.
    static func export(_ graph: Graph, _ format: ExportFormat, _ options: ExportOptions = ExportOptions(),
                       name: String? = nil) throws -> String {
        let dir = temporaryDirectory()
        let path = dir + "/" + (name ?? "graph." + (format == .neo4j ? "neo4j" : format.fileExtension))
        try GraphExporter.export(graph, format: format, options: options, to: path)
        return path
    }
}
