import ArgumentParser
import PolicyCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg show is not built yet")) }
}
