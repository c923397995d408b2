import PolicyCore

/// The time limit of one request. The answer is computed under a `QueryDeadline`: the query layer's long loops
/// (co-issuance over every document, path search, the evidence spans of a source) stop once it has passed, the caches
/// keep nothing computed after it, and a request that ends past it is answered 503 with a message. (The deadline is
/// read by the computation itself, so it holds however busy the server's threads are.)
enum RequestTimeLimit {
    /// `work`'s result, or a 503 `ServeError` when it ends after `limit`.
    static func run<T: Sendable>(_ limit: Duration, _ work: () async throws -> T) async throws -> T {
        let deadline = ContinuousClock.now + limit
        let answer = try await QueryDeadline.$instant.withValue(deadline) { try await work() }
        guard ContinuousClock.now < deadline else {
            throw ServeError(status: .serviceUnavailable,
                             message: "the answer took longer than the server's time limit (\(limit.formatted) s, "
                                + "kg serve --time-limit); ask a narrower question (a date range, fewer paths, one agency)")
        }
        return answer
    }
}

private extension Duration {
    var formatted: String {
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
