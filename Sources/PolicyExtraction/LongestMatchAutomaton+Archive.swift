import PolicyCore

/// A built automaton as a `BinaryArchivable` value: its double array, code tables and filters written as they
/// stand, so that reading it back skips the build (the costly part of start-up) and gives the same matches.
extension LongestMatchAutomaton: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        let s = storage
        writer.write(block: (0..<s.cellCount).map { s.cells[$0].base })
        writer.write(block: (0..<s.cellCount).map { s.cells[$0].check })
        writer.write(block: Array(UnsafeBufferPointer(start: s.values, count: s.cellCount)))
        writer.write(block: Array(UnsafeBufferPointer(start: s.blockStart, count: 256)))
        writer.write(block: Array(UnsafeBufferPointer(start: s.blocks, count: Storage.blocksCount(s.blockStart))))
        writer.write(block: Array(UnsafeBufferPointer(start: s.astralScalars, count: s.astralCount)))
        writer.write(block: Array(UnsafeBufferPointer(start: s.astralCodes, count: s.astralCount)))
        writer.write(block: Array(UnsafeBufferPointer(start: s.firstBits, count: Storage.scalarBitsWords)))
        writer.write(block: Array(UnsafeBufferPointer(start: s.singleBits, count: Storage.scalarBitsWords)))
        writer.write(Int64(s.pairShift))
        writer.write(block: Array(UnsafeBufferPointer(start: s.pairBits, count: (1 << s.pairShift) / 64)))
        writer.write(Int64(s.hanPairShift))
        writer.write(block: Array(UnsafeBufferPointer(start: s.hanPairBits, count: (1 << s.hanPairShift) / 64)))
        writer.write(s.astralStart)
        writer.write(block: pairPrefixes)
        writer.write(block: hanPairPrefixes)
        writer.write(hasThreeByteSingle)
        writer.write(Int64(patternCount))
    }

    public init(from reader: inout ArchiveReader) throws {
        let base = try reader.readBlock(Int32.self), check = try reader.readBlock(Int32.self)
        let values = try reader.readBlock(Int32.self), blockStart = try reader.readBlock(Int32.self)
        let blocks = try reader.readBlock(UInt16.self)
        let astralScalars = try reader.readBlock(UInt32.self), astralCodes = try reader.readBlock(Int32.self)
        let firstBits = try reader.readBlock(UInt64.self), singleBits = try reader.readBlock(UInt64.self)
        let pairShift = Int(try reader.read(Int64.self)), pairBits = try reader.readBlock(UInt64.self)
        let hanPairShift = Int(try reader.read(Int64.self)), hanPairBits = try reader.readBlock(UInt64.self)
        let astralStart = try reader.read(Bool.self)
        // Every table must have the size the lookups assume, and every code-table offset and cell reference must
        // lie inside its array: a damaged archive is refused here rather than read out of bounds while matching.
        let cellCount = base.count
        guard check.count == cellCount, values.count == cellCount, blockStart.count == 256,
              blocks.count == Storage.blocksCount(blockStart), blocks.count % 256 == 0,
              blockStart.allSatisfy({ $0 >= 0 && Int($0) + 256 <= blocks.count }),
              astralScalars.count == astralCodes.count,
              firstBits.count == Storage.scalarBitsWords, singleBits.count == Storage.scalarBitsWords,
              (6...30).contains(pairShift), pairBits.count == (1 << pairShift) / 64,
              (6...30).contains(hanPairShift), hanPairBits.count == (1 << hanPairShift) / 64,
              base.allSatisfy({ $0 >= 0 && Int($0) < cellCount }), check.allSatisfy({ $0 >= -1 && Int($0) < cellCount })
        else { throw ArchiveReader.Damaged() }
        let symbolCount = max(Int(blocks.max() ?? 0), Int(astralCodes.max() ?? 0))
        guard cellCount == 0 || Int(base.max()!) + symbolCount < cellCount else { throw ArchiveReader.Damaged() }
        let storage = Storage(base: base, check: check, value: values, blockStart: blockStart, blocks: blocks,
                              astral: Dictionary(uniqueKeysWithValues: zip(astralScalars, astralCodes)),
                              firstBits: firstBits, singleBits: singleBits, pairBits: pairBits, pairShift: pairShift,
                              hanPairBits: hanPairBits, hanPairShift: hanPairShift, astralStart: astralStart)
        self.init(storage: storage, pairPrefixes: try reader.readBlock(), hanPairPrefixes: try reader.readBlock(),
                  hasThreeByteSingle: try reader.read(Bool.self), patternCount: Int(try reader.read(Int64.self)))
    }
}

extension LongestMatchAutomaton.Storage {
    /// Words of a bit set over the BMP (`firstBits`, `singleBits`).
    static let scalarBitsWords = 0x10000 / 64

    /// Size of the code table `blocks`: the all-zero block and one block of 256 codes for each BMP block that
    /// holds a pattern scalar.
    static func blocksCount<Starts: Collection>(_ blockStart: Starts) -> Int where Starts.Element == Int32 {
        256 * (1 + blockStart.lazy.filter { $0 != 0 }.count)
    }

    static func blocksCount(_ blockStart: UnsafeMutablePointer<Int32>) -> Int {
        blocksCount(UnsafeBufferPointer(start: blockStart, count: 256))
    }
}
