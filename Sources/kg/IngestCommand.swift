import ArgumentParser
import PolicyCore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg ingest is not built yet")) }
}
