import Testing

@testable import EduSite

@Suite struct PaginationTests {
    @Test(arguments: [
        (1, 1, [1]),
        (1, 5, [1, 2, 3, 4, 5]),
        (4, 7, [1, 2, 3, 4, 5, 6, 7]),
        (1, 700, [1, 2, 3, nil, 700]),
        (5, 700, [1, 2, 3, 4, 5, 6, 7, nil, 700]),
        (350, 700, [1, nil, 348, 349, 350, 351, 352, nil, 700]),
        (700, 700, [1, nil, 698, 699, 700]),
    ] as [(Int, Int, [Int?])])
    func aLongListLinksTheEndsAndTheNeighbourhood(current: Int, count: Int, expected: [Int?]) {
        #expect(ViewFactory.pageNumbers(current: current, count: count) == expected)
    }
}
