import Testing

@Test func placeholder_PolicyTextTests() { #expect(Bool(true)) }
