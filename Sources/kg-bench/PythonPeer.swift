import Foundation

/// A Python peer script of this package (Tests/Peers/NAME) that prints one JSON object on standard output.
struct PythonPeer {
    let script: String

    /// The script `name` in Tests/Peers of this package.
    init(named name: String) {
        script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Peers/" + name).path
    }

    /// A script at `path`.
    init(path: String) { script = path }

    /// Runs `python3 SCRIPT arguments…`: the JSON object it printed (nil when it failed or printed none) and its
    /// exit status.
    func run(_ arguments: [String]) throws -> (object: [String: Any]?, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return (nil, process.terminationStatus) }
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any], 0)
    }
}
