import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The clocks the benchmarks read.
enum BenchmarkClock {
    /// A duration in seconds.
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Wall-clock seconds since `start`.
    static func seconds(since start: ContinuousClock.Instant) -> Double { seconds(ContinuousClock.now - start) }

    /// Monotonic wall-clock time in seconds.
    static func monotonicSeconds() -> Double { read(CLOCK_MONOTONIC) }

    /// CPU time of this process (user + system): robust against other load on the machine.
    static func processCPUSeconds() -> Double { read(CLOCK_PROCESS_CPUTIME_ID) }

    /// CPU time of the calling thread: a per-core measure that a loaded machine does not distort.
    static func threadCPUSeconds() -> Double { read(CLOCK_THREAD_CPUTIME_ID) }

    private static func read(_ clock: clockid_t) -> Double {
        var t = timespec()
        clock_gettime(clock, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
