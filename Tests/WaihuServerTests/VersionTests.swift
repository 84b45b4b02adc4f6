import XCTest
@testable import WaihuServer

final class VersionTests: XCTestCase {
    func testVersionIsSemantic() {
        XCTAssertEqual(WaihuVersion.current.split(separator: ".").count, 3)
    }
}
