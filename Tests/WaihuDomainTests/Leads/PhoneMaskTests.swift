import XCTest
import WaihuDomain

final class PhoneMaskTests: XCTestCase {
    func testMasksTheMiddle() {
        XCTAssertEqual(PhoneMask.masked("13800138000"), "138****8000")
        XCTAssertEqual(PhoneMask.masked("02162345678"), "021****5678")
        XCTAssertEqual(PhoneMask.masked("057187654321"), "057****4321")
        XCTAssertEqual(PhoneMask.masked("0571-8765432"), "057****5432")
        XCTAssertEqual(PhoneMask.masked("12345"), "*****")
    }
}
