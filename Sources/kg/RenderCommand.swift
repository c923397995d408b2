import ArgumentParser
import PolicyCore

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Not built yet.")
    func run() throws { fail(KGError("kg render is not built yet")) }
}
