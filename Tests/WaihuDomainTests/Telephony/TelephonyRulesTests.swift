import XCTest
@testable import WaihuDomain

final class TelephonyRulesTests: XCTestCase {
    func testTrunkHostsMustBeIPLiterals() {
        for host in ["192.0.2.10", "127.0.0.1", "::1", "2001:db8::5", "fe80:0:0:0:0:0:0:1"] {
            XCTAssertNoThrow(try TelephonyRules.validateHost(host), host)
        }
        for host in ["sip.example.com", "300.1.1.1", "1.2.3", "1.2.3.4.5", "", "1::2::3", "12345::1", " 1.2.3.4"] {
            XCTAssertThrowsError(try TelephonyRules.validateHost(host), host) { error in
                XCTAssertEqual((error as? TelephonyRuleError)?.message.hasPrefix("host:"), true)
            }
        }
    }

    func testExtensionsPasswordsAndLimits() {
        XCTAssertNoThrow(try TelephonyRules.validateExtension("8001"))
        XCTAssertThrowsError(try TelephonyRules.validateExtension("8"))
        XCTAssertThrowsError(try TelephonyRules.validateExtension("80a1"))
        XCTAssertThrowsError(try TelephonyRules.validateExtension("１２３"), "full-width digits are not SIP user digits")
        XCTAssertNoThrow(try TelephonyRules.validatePhonePassword("Abc12345!"))
        XCTAssertThrowsError(try TelephonyRules.validatePhonePassword("short"))
        XCTAssertThrowsError(try TelephonyRules.validatePhonePassword("has space 123"))
        XCTAssertThrowsError(try TelephonyRules.validatePhonePassword("quote\"12345"))
        XCTAssertNoThrow(try TelephonyRules.validateCallerID("+8602161234567"))
        XCTAssertNoThrow(try TelephonyRules.validateCallerID(""))
        XCTAssertThrowsError(try TelephonyRules.validateCallerID("021-6123"))
        XCTAssertNoThrow(try TelephonyRules.validateLimits(maxConcurrent: 30, maxPerSecond: 10, ringTimeout: 30))
        XCTAssertThrowsError(try TelephonyRules.validateLimits(maxConcurrent: 0, maxPerSecond: 10, ringTimeout: 30))
        XCTAssertThrowsError(try TelephonyRules.validateLimits(maxConcurrent: 30, maxPerSecond: 10, ringTimeout: 4))
        XCTAssertNoThrow(try TelephonyRules.validateTrunkCredentials(username: nil, password: nil))
        XCTAssertNoThrow(try TelephonyRules.validateTrunkCredentials(username: "u", password: "p"))
        XCTAssertThrowsError(try TelephonyRules.validateTrunkCredentials(username: "u", password: nil))
        XCTAssertThrowsError(try TelephonyRules.validateTrunkCredentials(username: nil, password: "p"))
        XCTAssertThrowsError(try TelephonyRules.validateTrunkName("has space"))
        XCTAssertNoThrow(try TelephonyRules.validateTrunkName("移动1"))
    }
}
