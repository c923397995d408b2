import ArgumentParser
import PolicyCore

/// `kg`: turn Chinese policy documents into a knowledge graph, ask it questions, export it.
@main
struct KG: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kg",
        abstract: "Build, query and export a knowledge graph of Chinese policy documents.",
        version: "0.9.0",
        subcommands: [
            IngestCommand.self, MergeCommand.self, RemoveCommand.self, SegmentCommand.self,
            PathCommand.self, CoissueCommand.self, NeighborsCommand.self, ShowCommand.self,
            TargetsCommand.self, StatsCommand.self, CheckCommand.self, CompactCommand.self, ServeCommand.self,
            ExportCommand.self, RenderCommand.self, EvalCommand.self,
        ]
    )
}
