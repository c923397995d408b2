import Foundation
import TestSupport
import Testing
@testable import PolicyFormats

@Suite struct ParallelIngestTests {
    struct Failure: Error {}

    @Test func resultsInInputOrderWithFailuresKept() {
        let inputs = (0..<50).map { Input(path: "f\($0).txt", format: .text, size: 1000 * ($0 + 1)) }
        let lines = LinesSink()
        let progress = IngestProgress(totalFiles: inputs.count, totalBytes: inputs.reduce(0) { $0 + $1.size }, terminal: false) { lines.append($0) }
        let results = ingestInParallel(inputs, workers: 2, progress: progress, entities: { $0 }) { input -> Int in
            let n = Int(input.path.dropFirst().dropLast(4))!
            if n % 10 == 7 { throw Failure() }
            usleep(UInt32(200 * (n % 3)))
            return n
        }
        #expect(results.count == 50)
        for (i, r) in results.enumerated() {
            switch r {
            case .success(let n): #expect(n == i && i % 10 != 7)
            case .failure: #expect(i % 10 == 7)
            }
        }
        // Plain lines (not a terminal); the last one is the final count.
        let last = lines.lines.last ?? ""
        #expect(last.hasPrefix("50/50 files, 1.2/1.2 MB, \(Array(0..<50).filter { $0 % 10 != 7 }.reduce(0, +)) entities"))
        #expect(last.hasSuffix("5 failed\n"))
        #expect(!lines.lines.contains { $0.contains("\r") })
    }

    @Test func terminalProgressRedrawsOneLine() {
        let lines = LinesSink()
        let progress = IngestProgress(totalFiles: 2, totalBytes: 2_097_152, terminal: true) { lines.append($0) }
        progress.fileDone(bytes: 1_048_576, entities: 3)
        progress.fileDone(bytes: 1_048_576, entities: 4)
        #expect(lines.lines.allSatisfy { $0.hasPrefix("\r[") })
        #expect(lines.lines.last?.contains("[####################] 2/2 files, 2.0/2.0 MB, 7 entities") == true)
        #expect(lines.lines.last?.hasSuffix("\n") == true)
    }
}

final class LinesSink: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
    func append(_ s: String) { lock.lock(); stored.append(s); lock.unlock() }
}
