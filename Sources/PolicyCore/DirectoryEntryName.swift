#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The name of a `readdir` entry as bytes, read in place up to its terminating NUL.
///
/// `dirent.d_name` is declared as a 256-byte array, but the kernel's record ends after the name: reading the whole
/// array (`withUnsafeBytes(of: entry.pointee.d_name)` copies it) reads past the record, and past the end of the
/// C library's buffer when the entry is its last one — a rare crash in a large folder.
public func directoryEntryName(_ entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
    let name = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    let bytes = name.assumingMemoryBound(to: UInt8.self)
    return Array(UnsafeBufferPointer(start: bytes, count: strlen(name.assumingMemoryBound(to: CChar.self))))
}
