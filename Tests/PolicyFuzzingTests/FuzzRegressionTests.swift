import Foundation
import Testing
@testable import PolicyFuzzing

/// Replays every kept fuzzing input — the seed corpus and any crasher `Fuzz/run.sh` found — through its reader:
/// each must come back (a result or a reported error), never crash. The seeds are read for real: a seed the
/// reader cannot take is a broken seed, and the test says so.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz").standardized.path

    static func files(_ folder: String) -> [String] {
        let path = root + "/" + folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }

    @Test(arguments: FuzzTarget.allCases)
    func keptInputsComeBack(target: FuzzTarget) throws {
        let seeds = Self.files("corpus/" + target.rawValue)
        #expect(!seeds.isEmpty, "no seed corpus for \(target.rawValue)")
        for file in seeds + Self.files("crashers/" + target.rawValue) {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            target.run(bytes)
        }
    }

    /// The seeds are real inputs of their format: the readers accept them (so the fuzzer starts from valid
    /// structure, and a reader that starts refusing them is noticed).
    @Test func seedsAreAcceptedByTheirReaders() throws {
        for file in Self.files("corpus/html") + Self.files("corpus/docx") + Self.files("corpus/text") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            let extracted = try readSeed(bytes, path: file)
            #expect(extracted.contains("供暖"), "\(file)")
        }
    }
}
