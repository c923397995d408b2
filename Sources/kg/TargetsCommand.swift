import ArgumentParser
import PolicyCore

struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "targets", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg targets is not built yet")) }
}
