import XCTest
@testable import WaihuSIP

final class SIPMethodTests: XCTestCase {
    func testMethodTokensAreCaseInsensitiveAndUnknownOnesKept() {
        XCTAssertEqual(SIPMethod("invite"), .invite)
        XCTAssertEqual(SIPMethod("FOO"), .other("FOO"))
        XCTAssertEqual(SIPMethod("FOO").description, "FOO")
    }
}
