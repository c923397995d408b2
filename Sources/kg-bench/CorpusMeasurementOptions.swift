import ArgumentParser

/// Options shared by the benchmarks that time work over a corpus folder in repeated rounds.
struct CorpusMeasurementOptions: ParsableArguments {
    @Option(help: "Folder of *.txt files.")
    var corpus: String = "../shared/corpus"

    @Option(help: "Number of timed rounds.")
    var rounds: Int = 5

    @Option(help: "Minimum seconds of work per round.")
    var seconds: Double = 1.0
}
