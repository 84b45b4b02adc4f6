import XCTest
@testable import WaihuDomain

final class LicensePlateTests: XCTestCase {
    func testCanonicalFormIsUpperCaseWithoutSeparators() {
        XCTAssertEqual(LicensePlate.canonical("沪a-12345"), "沪A12345")
        XCTAssertEqual(LicensePlate.canonical("沪A·12345"), "沪A12345")
        XCTAssertEqual(LicensePlate.canonical(" 沪 A 12345 "), "沪A12345")
        XCTAssertEqual(LicensePlate.canonical("沪Ａ１２３４５"), "沪A12345")
        XCTAssertEqual(LicensePlate.canonical("京n.ab123"), "京NAB123")
        XCTAssertEqual(LicensePlate.canonical("粤A 1234学"), "粤A1234学")
    }

    func testNewEnergyPlatesKeepEightCharacters() {
        let plate = LicensePlate("粤b·d12345")
        XCTAssertEqual(plate?.value, "粤BD12345")
        XCTAssertEqual(plate?.value.count, 8)
    }

    func testBlankPlatesAreNone() {
        XCTAssertNil(LicensePlate(""))
        XCTAssertNil(LicensePlate(" - · "))
        XCTAssertEqual(LicensePlate("未上牌")?.value, "未上牌")
    }
}
