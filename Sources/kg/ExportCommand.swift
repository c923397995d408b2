import ArgumentParser
import PolicyCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg export is not built yet")) }
}
