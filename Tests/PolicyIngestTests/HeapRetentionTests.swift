import Testing
@testable import PolicyIngest

@Suite struct HeapRetentionTests {
    @Test func glibcAcceptsTheThresholds() {
        #if canImport(Glibc)
        // mallopt refuses a mapping threshold above 32 MiB on 64-bit glibc: this fails if the constant grows past it.
        #expect(HeapRetention.keepFreedMemory())
        #else
        #expect(!HeapRetention.keepFreedMemory())
        #endif
    }
}
