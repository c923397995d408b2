#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte offsets where the lines of a text start (line 1 starts at 0; a line starts after every LF), and the line
/// holding a given offset by binary search.
public struct LineStarts: Sendable {
    /// The start offsets, ascending; element k is the start of line k + 1.
    public let offsets: [Int]

    /// The line starts of `bytes`.
    public init(_ bytes: [UInt8]) {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            // Line feeds found with memchr (lines are tens to hundreds of bytes long).
            var i = 0
            while i < buf.count, let hit = memchr(base + i, 0x0A, buf.count - i) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(i)
            }
        }
        offsets = starts
    }

    /// Number of line starts (one more than the LFs).
    public var count: Int { offsets.count }

    /// Start offset of the 1-based `line`.
    public func start(ofLine line: Int) -> Int { offsets[line - 1] }

    /// The 1-based line holding byte `offset` (the last line whose start is at or before it).
    public func line(containing offset: Int) -> Int {
        var lo = 0, hi = offsets.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if offsets[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }
}
