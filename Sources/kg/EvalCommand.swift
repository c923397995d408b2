import ArgumentParser
import Foundation
import PolicyCore
import PolicyEvaluation

/// `kg eval GRAPH GOLD_DIR`: precision, recall and F1 of a graph against gold annotations (score.py's rules).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a graph (contract JSONL) against gold annotations: precision, recall, F1 per kind.")

    @Argument(help: "The graph: a contract JSONL file (kg export --format jsonl) or a kg snapshot.")
    var graph: String

    @Argument(help: "The gold folder: one sub-folder per annotated source (see its README.md).")
    var gold: String

    @Flag(help: "List every miss and false hit under its measure.")
    var misses = false

    @Flag(help: "Print score.py's --json report instead of the table.")
    var json = false

    func run() throws {
        do {
            let records = try GraphRecords.load(path: graph)
            let report = try evaluate(records, goldDirectory: gold)
            print(json ? report.json() : report.text(misses: misses), terminator: json ? "\n" : "")
        } catch {
            fail(error)
        }
    }
}
