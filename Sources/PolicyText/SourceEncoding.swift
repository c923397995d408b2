/// Encodings detected on read.
public enum SourceEncoding: String, Sendable {
    case utf8, utf8BOM, gb18030, utf16LE, utf16BE
}
