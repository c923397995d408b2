import Testing

@Test func placeholder_PolicyStoreTests() { #expect(Bool(true)) }
