import XCTest
import WaihuDomain

final class DialModeTests: XCTestCase {
    func testStoredNames() {
        XCTAssertEqual(DialMode(rawValue: "fixed_ratio"), .fixedRatio)
        XCTAssertEqual(DialMode.allCases.count, 6)
        XCTAssertEqual(DialMode(rawValue: "cleanse"), .cleanse)
        XCTAssertEqual(DialMode.allCases.filter(\.usesAgents), [.preview, .progressive, .fixedRatio, .predictive])
    }
}
