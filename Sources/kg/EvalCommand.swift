import ArgumentParser
import PolicyCore

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg eval is not built yet")) }
}
