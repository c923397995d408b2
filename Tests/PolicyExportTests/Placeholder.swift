import Testing

@Test func placeholder_PolicyExportTests() { #expect(Bool(true)) }
