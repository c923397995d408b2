import Foundation

/// The four counts behind one measure: matched predictions, predictions, matched gold items, gold items.
public struct MeasureCounts: Sendable, Equatable {
    public var matchedPredicted = 0
    public var predicted = 0
    public var matchedGold = 0
    public var gold = 0

    public init(matchedPredicted: Int = 0, predicted: Int = 0, matchedGold: Int = 0, gold: Int = 0) {
        self.matchedPredicted = matchedPredicted
        self.predicted = predicted
        self.matchedGold = matchedGold
        self.gold = gold
    }

    public static func + (a: MeasureCounts, b: MeasureCounts) -> MeasureCounts {
        MeasureCounts(matchedPredicted: a.matchedPredicted + b.matchedPredicted, predicted: a.predicted + b.predicted,
                      matchedGold: a.matchedGold + b.matchedGold, gold: a.gold + b.gold)
    }

    /// Precision as score.py defines it (1 with nothing predicted and nothing to find, else 0), unrounded.
    public var rawPrecision: Double {
        predicted > 0 ? Double(matchedPredicted) / Double(predicted) : (gold == 0 ? 1 : 0)
    }
    public var rawRecall: Double { gold > 0 ? Double(matchedGold) / Double(gold) : 1 }
    public var rawF1: Double {
        let p = rawPrecision, r = rawRecall
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }
    /// Rounded to 4 decimals as Python's `round(x, 4)` (correctly rounded, ties to even).
    public var precision: Double { roundedTo4(rawPrecision) }
    public var recall: Double { roundedTo4(rawRecall) }
    public var f1: Double { roundedTo4(rawF1) }
}

/// `round(x, 4)`: printf's correctly rounded decimal conversion, read back.
func roundedTo4(_ x: Double) -> Double {
    Double(String(format: "%.4f", x)) ?? x
}
