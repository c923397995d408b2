#if canImport(Glibc)
import Glibc
#endif

/// Encodes UTF-8 text as GB18030 with glibc iconv.
public func encodeGB18030(_ text: String) -> [UInt8] {
    let cd = iconv_open("GB18030", "UTF-8")
    guard cd != iconv_t(bitPattern: -1) else { return Array(text.utf8) }
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
        output.withUnsafeMutableBufferPointer { outBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = outBuf.count
            _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            return outBuf.count - outLeft
        }
    }
    return Array(output[0..<produced])
}
