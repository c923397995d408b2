import ArgumentParser

/// `kg-bench`: release-build benchmarks. Add a subcommand file per benchmark and list it here.
@main
struct KGBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kg-bench",
        abstract: "Release-build benchmarks (run with `swift run -c release kg-bench …`).",
        subcommands: [
            TextBenchmark.self,
            IngestBenchmark.self,
            EntitiesBenchmark.self,
            ArchiveBenchmark.self,
            StoreBenchmark.self,
            ExportBenchmark.self,
            ServeBenchmark.self,
            MergeBenchmark.self,
            StartupBenchmark.self,
        ]
    )
}
