import Testing

@Test func placeholder_PolicyExtractionTests() { #expect(Bool(true)) }
