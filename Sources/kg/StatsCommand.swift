import ArgumentParser
import PolicyCore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg stats is not built yet")) }
}
