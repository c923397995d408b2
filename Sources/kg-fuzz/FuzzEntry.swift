import Foundation
import PolicyFuzzing

// Built two ways. With `-DFUZZING -sanitize=fuzzer,address` (see Fuzz/run.sh) this file hands the process to
// libFuzzer's driver with the target named by KG_FUZZ_TARGET. (SwiftPM links an executable's entry point as
// `kg_fuzz_main`, so that is the name given to the function that starts the driver; libFuzzer's own `main` is then
// not linked.) Built normally, it is a replayer: `kg-fuzz TARGET FILE…` feeds each file to the target once, to
// reproduce a crasher under a debugger.

#if FUZZING
private let target: FuzzTarget = {
    guard let name = ProcessInfo.processInfo.environment["KG_FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
        fatalError("set KG_FUZZ_TARGET to one of " + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return target
}()

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("kg_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    _ = target
    return runFuzzerDriver(&argc, &argv) { data, size in
        target.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data!, count: size)))
        return 0
    }
}
#else
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            FileHandle.standardError.write(Data("usage: kg-fuzz TARGET FILE…  (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")))\n".utf8))
            exit(2)
        }
        for file in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("kg-fuzz: cannot read \(file)\n".utf8))
                exit(1)
            }
            target.run([UInt8](data))
            print("\(file): ok")
        }
    }
}
#endif
