import XCTest
@testable import WaihuDomain

final class RoleTests: XCTestCase {
    func testRawValuesAreTheStoredNames() {
        XCTAssertEqual(Role(rawValue: "list_manager"), .listManager)
        XCTAssertEqual(Role.allCases.map(\.rawValue), ["admin", "supervisor", "agent", "qa", "list_manager", "branch"])
        XCTAssertNil(Role(rawValue: "root"))
    }
}
