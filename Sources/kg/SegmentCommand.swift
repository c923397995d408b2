import ArgumentParser
import PolicyCore

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "segment", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg segment is not built yet")) }
}
