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
    /// For every block of `blockSize` bytes, the index in `offsets` of the line holding the block's first byte: a
    /// lookup starts there and steps over the few lines that start inside the block.
    let blockLines: [Int32]
    static let blockShift = 6

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
        let blocks = (bytes.count >> Self.blockShift) + 1
        blockLines = starts.withUnsafeBufferPointer { starts in
            [Int32](unsafeUninitializedCapacity: blocks) { table, count in
                // Line k holds the blocks whose first byte lies in starts[k]..<starts[k + 1].
                var block = 0
                for k in 0..<starts.count {
                    let end = k + 1 < starts.count ? starts[k + 1] : Int.max
                    while block < blocks && block << Self.blockShift < end {
                        table[block] = Int32(truncatingIfNeeded: k); block &+= 1
                    }
                }
                count = blocks
            }
        }
    }

    /// Number of line starts (one more than the LFs).
    public var count: Int { offsets.count }

    /// Start offset of the 1-based `line`.
    public func start(ofLine line: Int) -> Int { offsets[line - 1] }

    /// The 1-based line holding byte `offset` (the last line whose start is at or before it).
    public func line(containing offset: Int) -> Int {
        let block = offset >> Self.blockShift
        if offset >= 0 && block < blockLines.count {
            return offsets.withUnsafeBufferPointer { starts in
                var k = Int(blockLines[block])
                while k + 1 < starts.count && starts[k + 1] <= offset { k += 1 }
                return k + 1
            }
        }
        var lo = 0, hi = offsets.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if offsets[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }
}
