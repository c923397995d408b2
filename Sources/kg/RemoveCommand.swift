import ArgumentParser
import PolicyCore

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg remove is not built yet")) }
}
