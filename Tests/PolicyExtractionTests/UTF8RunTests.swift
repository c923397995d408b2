import Testing
@testable import PolicyExtraction

@Suite struct UTF8RunTests {
    /// Runs the check on `text[from..<to]` (scalar offsets) as a UTF8Run and as a String.
    private func compare(_ text: String, _ from: Int, _ to: Int, _ check: (UTF8Run, String) -> Void) {
        let bytes = Array(text.utf8)
        let scalars = Array(text.unicodeScalars)
        let start = scalars[..<from].reduce(0) { $0 + String($1).utf8.count }
        let end = start + scalars[from..<to].reduce(0) { $0 + String($1).utf8.count }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[from..<to])
        bytes.withUnsafeBufferPointer { check(UTF8Run($0, start..<end), String(view)) }
    }

    @Test func agreesWithStringOnHanAndASCIIText() {
        let text = "在国家数字经济5G创新发展试验区建设中"
        let words = ["国家", "数字", "试验区", "5G", "创新发展试验区", "建设中", "在", "区", "G创", "经济5G创新发展试验区建设中在"]
        let count = text.unicodeScalars.count
        for from in 0...count {
            for to in from...count {
                compare(text, from, to) { run, string in
                    #expect(run.scalarCount == string.unicodeScalars.count)
                    #expect(run.string == string)
                    for w in words {
                        let bytes = Array(w.utf8)
                        #expect(run.hasPrefix(bytes) == string.hasPrefix(w))
                        #expect(run.hasSuffix(bytes) == string.hasSuffix(w))
                        #expect(run.equals(bytes) == (string == w))
                    }
                }
            }
        }
    }

    @Test func droppingBytesKeepsTheEnd() {
        compare("国家重大工程", 0, 6) { run, _ in
            let rest = run.droppingFirst(bytes: 6)
            #expect(rest.string == "重大工程")
            #expect(rest.byteCount == 12)
            #expect(!rest.matches(Array("国家".utf8), at: 0))
            #expect(rest.matches(Array("工程".utf8), at: rest.range.upperBound - 6))
        }
    }

    @Test func genericModifiersAreStrippedOnlyAtTheStart() {
        compare("服务国家重大战略", 0, 8) { run, _ in
            #expect(ProgrammeDiscovery.strippedGenericModifiers(run).string == "服务国家重大战略")
            #expect(ProgrammeDiscovery.specificScalarCount(run) == 4)
        }
        compare("国家重大科技基础设施", 0, 10) { run, _ in
            #expect(ProgrammeDiscovery.strippedGenericModifiers(run).string == "科技基础设施")
            #expect(ProgrammeDiscovery.distinctiveScalarCount(run) == 6)
        }
    }
}
