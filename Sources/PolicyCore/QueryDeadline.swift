/// The deadline of the question being answered (a `kg serve` request's time limit). The long loops of the query
/// layer read it: once it has passed they stop early, and whoever set it discards what they return.
public enum QueryDeadline {
    /// When the current question must be answered by (nil: no limit, as on the command line).
    @TaskLocal public static var instant: ContinuousClock.Instant?

    /// Whether the current question has run out of time (or its task was cancelled).
    public static var hasPassed: Bool {
        if Task.isCancelled { return true }
        guard let instant else { return false }
        return ContinuousClock.now >= instant
    }
}
