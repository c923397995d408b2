import Foundation
import PolicyCore
import PolicyExtraction
import PolicyFormats
import PolicyIngest
import Testing

@Suite struct InputExtractionTests {
    @Test func knownContentIsNotExtractedAgain() throws {
        let scratch = try Scratch("extraction")
        let notice = try generatedNotices(1, seed: 4)[0]
        try scratch.write(notice.bytes, "n.txt")
        let input = try #require(discoverInputs(paths: [scratch.path + "/n.txt"]).first)
        let hash = ExtractionPipeline.sha256Hex(notice.bytes)

        let fresh = try InputExtraction.extract(input, known: [:], pipeline: sharedPipeline)
        let contribution = try #require(fresh.contribution)
        #expect(contribution.path == input.path && contribution.contentHash == hash)
        #expect(contribution.nodes.contains { $0.kind == .document })

        let known = try InputExtraction.extract(input, known: [input.path: hash], pipeline: sharedPipeline)
        #expect(known.contribution == nil)
        // The same content under another path, or other content under this path, is extracted.
        #expect(try InputExtraction.extract(input, known: ["other.txt": hash], pipeline: sharedPipeline).contribution != nil)
        #expect(try InputExtraction.extract(input, known: [input.path: String(repeating: "0", count: 64)], pipeline: sharedPipeline).contribution != nil)
    }
}
