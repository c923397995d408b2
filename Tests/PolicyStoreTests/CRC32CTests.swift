import Testing
import TestSupport
@testable import PolicyStore

@Suite struct CRC32CTests {
    /// The check values of RFC 3720 (iSCSI), appendix B.4, and the usual "123456789" check value.
    @Test(arguments: [
        ([UInt8](repeating: 0, count: 32), UInt32(0x8A91_36AA)),
        ([UInt8](repeating: 0xFF, count: 32), UInt32(0x62A8_AB43)),
        ((0..<32).map { UInt8($0) }, UInt32(0x46DD_794E)),
        ((0..<32).map { UInt8(31 - $0) }, UInt32(0x113F_DB5C)),
        (Array("123456789".utf8), UInt32(0xE306_9283)),
        ([], UInt32(0)),
    ])
    func knownVectors(bytes: [UInt8], expected: UInt32) {
        bytes.withUnsafeBytes { raw in
            #expect(CRC32C.checksum(raw) == expected)
            #expect(CRC32C.softwareUpdate(0, raw) == expected)
        }
    }

    /// Hardware and software agree on seeded random data of every length class the hardware path splits on (bytes
    /// before 8-byte alignment, three-stream blocks of 256 and 8192 bytes, tails), at unaligned starts, and when a
    /// checksum is continued across pieces.
    @Test func hardwareAgreesWithSoftwareOnRandomData() {
        var rng = SeededGenerator(seed: 18)
        let data = (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let lengths = [0, 1, 7, 8, 9, 255, 256, 767, 768, 769, 3 * 8192 - 1, 3 * 8192, 3 * 8192 + 769, 69_000]
            + (0..<40).map { _ in Int.random(in: 0...69_000, using: &rng) }
        data.withUnsafeBytes { raw in
            for length in lengths {
                let start = Int.random(in: 0...(raw.count - length), using: &rng) | (length % 3 == 0 ? 1 : 0)
                let piece = UnsafeRawBufferPointer(rebasing: raw[min(start, raw.count - length)..<min(start, raw.count - length) + length])
                let reference = CRC32C.softwareUpdate(0, piece)
                #expect(CRC32C.checksum(piece) == reference, "length \(length) at \(start)")
                let cut = length / 3
                let continued = CRC32C.update(CRC32C.update(0, UnsafeRawBufferPointer(rebasing: piece[0..<cut])),
                                              UnsafeRawBufferPointer(rebasing: piece[cut...]))
                #expect(continued == reference, "length \(length) continued at \(cut)")
            }
        }
    }

    @Test func thisMachineUsesTheInstruction() {
        #if arch(x86_64)
        #expect(CRC32C.usesHardware)
        #endif
    }
}
