import Foundation
import PolicyCore

extension EvaluationReport {
    /// The report as score.py `--json` prints it: `{"overall": …, "by_source": …}`, indent 1, UTF-8 as is.
    public func json() -> String {
        func measures(_ list: [(name: String, counts: MeasureCounts)], indent: Int) -> String {
            if list.isEmpty { return "{}" }
            let pad = String(repeating: " ", count: indent)
            var out = "{\n"
            for (i, (name, c)) in list.enumerated() {
                out += pad + " " + quoted(name) + ": {\n"
                out += pad + "  \"precision\": \(c.precision),\n"
                out += pad + "  \"recall\": \(c.recall),\n"
                out += pad + "  \"f1\": \(c.f1),\n"
                out += pad + "  \"predicted\": \(c.predicted),\n"
                out += pad + "  \"gold\": \(c.gold)\n"
                out += pad + " }" + (i + 1 < list.count ? "," : "") + "\n"
            }
            return out + pad + "}"
        }
        var out = "{\n \"overall\": " + measures(overall, indent: 1) + ",\n \"by_source\": "
        if bySource.isEmpty {
            out += "{}"
        } else {
            out += "{\n"
            for (i, (source, list)) in bySource.enumerated() {
                out += "  " + quoted(source) + ": " + measures(list, indent: 2) + (i + 1 < bySource.count ? "," : "") + "\n"
            }
            out += " }"
        }
        return out + "\n}"
    }

    /// The human report (score.py's lines); with `misses`, every miss and false hit under its measure.
    public func text(misses: Bool = false) -> String {
        var out = ""
        func line(_ name: String, _ c: MeasureCounts) -> String {
            let padded = name.count >= 13 ? name : name + String(repeating: " ", count: 13 - name.count)
            return "  \(padded) P " + String(format: "%.3f", c.precision) + "  R " + String(format: "%.3f", c.recall)
                + "  F1 " + String(format: "%.3f", c.f1) + "  (\(c.predicted) predicted, \(c.gold) gold)\n"
        }
        for (source, list) in bySource {
            out += source + "\n"
            for (name, c) in list {
                out += line(name, c)
                guard misses else { continue }
                for f in findings where f.source == source && f.measure == name {
                    let at = f.line.map { "line \($0): " } ?? ""
                    out += "      \(f.kind == .miss ? "miss" : "false hit"): \(at)\(f.text)\n"
                }
            }
        }
        out += "overall\n"
        for (name, c) in overall { out += line(name, c) }
        return out
    }
}

/// A JSON string literal, escaped as the contract JSONL writer escapes it (as Python's json.dumps does).
private func quoted(_ s: String) -> String {
    var out = ""
    ContractJSON.appendString(s, to: &out)
    return out
}
