/// Plain substring search over bytes (UTF-8 text held as bytes, where a String search would compare Characters).
public enum ByteSearch {
    /// First offset of `pattern` in `b[start..<end]`; nil when absent or when `pattern` is empty.
    public static func firstIndex(of pattern: [UInt8], in b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard let first = pattern.first, end - start >= pattern.count else { return nil }
        var i = start
        let last = end - pattern.count
        while i <= last {
            if b[i] == first {
                var k = 1
                while k < pattern.count && b[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }
}
