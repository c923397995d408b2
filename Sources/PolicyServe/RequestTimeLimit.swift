/// The time limit of one request: the answer is computed in a child task beside a timer; when the timer ends first,
/// the computation is cancelled and the request gets a 503 that says so. The query layer's long loops (co-issuance
/// over every document, path search, the evidence spans of a source) check for cancellation and stop early, and the
/// caches never keep an answer computed under cancellation, so a cut-short answer is neither sent nor remembered.
enum RequestTimeLimit {
    /// `work`'s result, or a 503 `ServeError` after `limit`.
    static func run<T: Sendable>(_ limit: Duration, _ work: () async throws -> T) async throws -> T {
        try await withoutActuallyEscaping(work) { work in
            // (The group waits for both children before it returns, so `work` does not outlive this call.)
            nonisolated(unsafe) let work = work
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await work() }
                group.addTask {
                    try? await Task.sleep(for: limit)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let answer = first else {
                    throw ServeError(status: .serviceUnavailable,
                                     message: "the answer took longer than the server's time limit (\(limit.formatted) s, "
                                        + "kg serve --time-limit); ask a narrower question (a date range, fewer paths, one agency)")
                }
                return answer
            }
        }
    }
}

private extension Duration {
    var formatted: String {
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
