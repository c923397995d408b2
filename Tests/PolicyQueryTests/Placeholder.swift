import Testing

@Test func placeholder_PolicyQueryTests() { #expect(Bool(true)) }
