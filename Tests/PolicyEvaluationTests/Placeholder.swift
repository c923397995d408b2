import Testing

@Test func placeholder_PolicyEvaluationTests() { #expect(Bool(true)) }
