import Foundation
import HummingbirdTesting
import PolicyCore
import PolicyQuery
import PolicyStore
import Testing
@testable import PolicyServe

/// A request that computes past the time limit is answered 503 with a message, stops at its deadline, and leaves
/// nothing cut short in the caches.
@Suite struct TimeLimitTests {
    @Test func aQuickAnswerAndAnErrorPassThrough() async throws {
        let value = try await RequestTimeLimit.run(.seconds(30)) { 42 }
        #expect(value == 42)
        await #expect(throws: ServeError.self) {
            try await RequestTimeLimit.run(.seconds(30)) { () async throws -> Int in throw ServeError.notFound("x") }
        }
    }

    @Test func aComputationThatReadsTheDeadlineStopsAndIsAnswered503() async throws {
        do {
            _ = try await RequestTimeLimit.run(.milliseconds(50)) { () async -> Int in
                var spins = 0
                while !QueryDeadline.hasPassed { spins += 1 }   // stops only at the deadline
                return spins
            }
            Issue.record("the time limit must end the computation")
        } catch let error as ServeError {
            #expect(error.status == .serviceUnavailable)
            #expect(error.message.contains("time limit"))
        }
        #expect(QueryDeadline.instant == nil)   // the deadline is the request's only
    }

    @Test func theWholeNetworkPastItsLimitIs503AndTheNextRequestGetsTheWholeAnswer() async throws {
        let graph = makeSyntheticGraph(nodes: 40_000, edgesPerNode: 3, seed: 8)
        let source = GraphSource(graph: graph)
        let hurried = Explorer(source: source, sourceRoots: [], timeLimit: .nanoseconds(1))
        try await DemoServer.withClient(hurried) { client in
            let answer = try await client.get("/api/coissue", [("from", "2019")])
            #expect(answer.status == .serviceUnavailable)
            #expect((try answer.json()["error"] as? String)?.contains("time limit") == true)
        }
        // The same snapshot (and caches) behind a patient explorer: the full answer, as the query computes it.
        try await DemoServer.withClient(Explorer(source: source, sourceRoots: [])) { client in
            let answer = try await client.get("/api/coissue", [("from", "2019")]).json()
            let expected = coissueQuery(graph, options: CoissueOptions(from: "2019"))
            #expect(answer["pairCount"] as? Int == expected.count)
            #expect(!expected.isEmpty)
        }
    }
}
