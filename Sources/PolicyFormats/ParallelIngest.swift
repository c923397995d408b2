import Foundation

/// Runs `body` on every input with `workers` threads (default: all cores), in any order, and returns the
/// results in input order. `entities` tells the progress reporter how many entities a result holds.
public func ingestInParallel<Result: Sendable>(
    _ inputs: [Input],
    workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: IngestProgress? = nil,
    entities: @Sendable (Result) -> Int = { _ in 0 },
    _ body: @Sendable (Input) throws -> Result
) -> [Swift.Result<Result, Error>] {
    let slots = ResultSlots<Swift.Result<Result, Error>>(count: inputs.count)
    let next = AtomicCounter()
    let workerCount = max(1, min(workers, inputs.count))
    DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
        while true {
            let i = next.increment()
            guard i < inputs.count else { return }
            let outcome: Swift.Result<Result, Error>
            do { outcome = .success(try body(inputs[i])) } catch { outcome = .failure(error) }
            slots.set(i, outcome)
            switch outcome {
            case .success(let r): progress?.fileDone(bytes: inputs[i].size, entities: entities(r))
            case .failure: progress?.fileDone(bytes: inputs[i].size, entities: 0, failed: true)
            }
        }
    }
    return slots.values.map { $0! }
}

/// A counter handing out 0, 1, 2 … to concurrent workers.
final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// Fixed slots written once each from concurrent workers.
final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Value?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Value) {
        lock.lock(); values[i] = value; lock.unlock()
    }
}
