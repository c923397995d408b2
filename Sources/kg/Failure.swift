import ArgumentParser
import PolicyCore
#if canImport(Glibc)
import Glibc
#endif

/// Prints an error as `file:line: error: message` on standard error and exits non-zero.
func fail(_ error: Error) -> Never {
    let text: String
    if let e = error as? KGError { text = e.description } else { text = "error: \(error)" }
    writeToStandardError(text + "\n")
    exit(1)
}

/// Writes to standard error (file descriptor 2) without buffering.
func writeToStandardError(_ s: String) {
    var s = s
    s.withUTF8 { buf in _ = write(2, buf.baseAddress, buf.count) }
}
