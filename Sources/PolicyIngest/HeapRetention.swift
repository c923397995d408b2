#if canImport(Glibc)
import Glibc
#endif

/// Batch ingest allocates and frees the same large per-file buffers (decoded text, clean text, offset maps) file
/// after file. glibc's default hands each such buffer back to the kernel when it is freed and takes fresh zeroed
/// pages for the next file, so a tenth of ingest time went to page faults. Keeping freed memory in the heap makes
/// the next file reuse it; the price is a resident size that stays at its high-water mark until the process ends,
/// which suits a batch command.
public enum HeapRetention {
    /// Allocations below this size come from the heap, not from their own mapping.
    public static let mappingThreshold = 32 << 20
    /// Free memory at the top of the heap is returned to the kernel only beyond this size.
    public static let trimThreshold = 256 << 20

    /// Applies the thresholds to this process (glibc only; elsewhere it does nothing and returns false).
    @discardableResult
    public static func keepFreedMemory() -> Bool {
        #if canImport(Glibc)
        // mallopt is declared in <malloc.h>, which the Glibc module does not export: look it up by name.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        // M_MMAP_THRESHOLD is -3 and M_TRIM_THRESHOLD -1 in <malloc.h>; mallopt returns 1 on success.
        return mallopt(-3, Int32(mappingThreshold)) == 1 && mallopt(-1, Int32(trimThreshold)) == 1
        #else
        return false
        #endif
    }
}
