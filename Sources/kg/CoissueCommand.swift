import ArgumentParser
import PolicyCore

struct CoissueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "coissue", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg coissue is not built yet")) }
}
