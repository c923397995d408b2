import Foundation
import TestSupport

/// Tests/Fixtures/formats.
let fixtures = packageRoot + "/Tests/Fixtures/formats"

/// A fresh temporary folder.
func temporaryFolder(_ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "kg-formats-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
