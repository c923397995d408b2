import Testing

@Test func placeholder_PolicyOntologyTests() { #expect(Bool(true)) }
