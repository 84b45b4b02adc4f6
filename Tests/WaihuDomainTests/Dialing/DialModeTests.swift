import XCTest
import WaihuDomain

final class DialModeTests: XCTestCase {
    func testStoredNames() {
        XCTAssertEqual(DialMode(rawValue: "fixed_ratio"), .fixedRatio)
        XCTAssertEqual(DialMode.allCases.count, 5)
    }
}
