import ArgumentParser
import PolicyCore

struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "neighbors", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg neighbors is not built yet")) }
}
