import XCTest
@testable import WaihuDomain

final class ListMixTests: XCTestCase {
    func testThreeToOneInterleaves() throws {
        var mix = try ListMix(weights: ["new": 3, "renewal": 1])
        let picks = (0..<8).compactMap { _ in mix.next(available: ["new", "renewal"]) }
        XCTAssertEqual(picks, ["new", "new", "renewal", "new", "new", "new", "renewal", "new"])
        XCTAssertEqual(picks.filter { $0 == "new" }.count, 6)
    }

    func testDryListIsSkipped() throws {
        var mix = try ListMix(weights: ["a": 1, "b": 1])
        XCTAssertEqual(mix.next(available: ["b"]), "b")
        XCTAssertEqual(mix.next(available: ["b"]), "b")
        XCTAssertNil(mix.next(available: []))
    }

    func testBadWeights() {
        XCTAssertThrowsError(try ListMix(weights: ["a": -1])) { XCTAssertEqual($0 as? ListMixError, .negativeWeight(listID: "a", weight: -1)) }
        XCTAssertThrowsError(try ListMix(weights: ["a": 0])) { XCTAssertEqual($0 as? ListMixError, .noPositiveWeight) }
    }
}
