import PolicyQuery
import Testing

/// Date filters take only real calendar dates (issue 14, finding 11): a value that is not one is refused, never
/// read as an empty range.
@Suite struct DateBoundTests {
    @Test(arguments: [
        ("2020", "2020-01-01", "2020-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("1900-02", "1900-02-01", "1900-02-28"),
        ("2000-02-29", "2000-02-29", "2000-02-29"),
        ("2021-06-30", "2021-06-30", "2021-06-30"),
    ])
    func realDatesCoverTheirDays(text: String, first: String, last: String) throws {
        let bound = try #require(DateBound(text))
        #expect(bound.first == first)
        #expect(bound.last == last)
    }

    @Test(arguments: ["notadate", "2023-13-45", "2023-13", "2023-02-29", "2021-06-31", "20", "2021-6-1", "2021/06/01",
                      "-2021", "2021-", "２０２１", ""])
    func anythingElseIsRefused(text: String) {
        #expect(DateBound(text) == nil)
    }
}
