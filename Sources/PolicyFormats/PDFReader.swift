import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PolicyCore

/// Reads a PDF through poppler's `pdftotext -layout`. The extracted text is the original that provenance
/// points into (its lines and bytes); the page of every line is kept (pages end at form feeds).
public enum PDFReader {
    /// Text of the PDF at `path` and the 1-based page of each 1-based line (`pages[line - 1]`).
    /// `searchPath` overrides $PATH when looking for pdftotext.
    public static func extract(path: String, searchPath: String? = nil) throws -> (text: DerivedText, pages: [Int]) {
        try extract(input: nil, path: path, searchPath: searchPath)
    }

    /// Text of a PDF held in memory (e.g. an archive member; piped to pdftotext, never written to disk); `path`
    /// names it in errors.
    public static func extract(bytes: [UInt8], path: String, searchPath: String? = nil) throws -> (text: DerivedText, pages: [Int]) {
        try extract(input: bytes, path: path, searchPath: searchPath)
    }

    private static func extract(input: [UInt8]?, path: String, searchPath: String?) throws -> (text: DerivedText, pages: [Int]) {
        guard let tool = findExecutable("pdftotext", searchPath: searchPath) else {
            throw KGError(file: path, "cannot read PDF: pdftotext not found (install poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", "-q", input == nil ? path : "-", "-"]
        let output = Pipe()
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        if input != nil {
            process.standardInput = standardInput
            _ = ignoreBrokenPipes   // pdftotext may stop reading early (a damaged PDF): no SIGPIPE then
        }
        do { try process.run() } catch {
            throw KGError(file: path, "cannot run pdftotext: \(error)")
        }
        // Feed standard input from another thread while this one drains standard output (no pipe deadlock).
        let feeding = DispatchGroup()
        if let input {
            let writer = standardInput.fileHandleForWriting
            let data = Data(input)
            DispatchQueue.global().async(group: feeding) {
                try? writer.write(contentsOf: data)
                try? writer.close()
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        feeding.wait()
        guard process.terminationStatus == 0 else {
            let reason = errorText.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw KGError(file: path, "pdftotext failed: \(reason)")
        }
        var utf8 = [UInt8](data)
        // pdftotext ends every page with a form feed, the last one included: drop that trailing one.
        if utf8.last == 0x0C { utf8.removeLast() }
        if utf8.allSatisfy({ $0 == 0x0A || $0 == 0x0C || $0 == 0x20 }) {
            throw KGError(file: path, "the PDF holds no extractable text (scanned images?)")
        }
        var pages: [Int] = []
        var page = 1
        var lineHasStarted = false
        for b in utf8 {
            if b == 0x0C { page += 1 }
            if !lineHasStarted { pages.append(page); lineHasStarted = true }
            if b == 0x0A { lineHasStarted = false }
        }
        var offsets = [Int32](); offsets.reserveCapacity(utf8.count + 1)
        for i in 0...utf8.count { offsets.append(Int32(i)) }
        return (DerivedText(utf8: utf8, originalOffsets: offsets, metadata: ["pages": String(page)]), pages)
    }
}

/// Ignores SIGPIPE for the process once (writes to a closed pipe then fail with EPIPE instead of killing it).
private let ignoreBrokenPipes: Void = {
    signal(SIGPIPE, SIG_IGN)
}()

/// Absolute path of an executable found on `searchPath` (default: $PATH).
func findExecutable(_ name: String, searchPath: String? = nil) -> String? {
    let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":") {
        let candidate = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
