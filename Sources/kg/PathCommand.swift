import ArgumentParser
import PolicyCore

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg path is not built yet")) }
}
