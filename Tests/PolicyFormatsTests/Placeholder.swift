import Testing

@Test func placeholder_PolicyFormatsTests() { #expect(Bool(true)) }
