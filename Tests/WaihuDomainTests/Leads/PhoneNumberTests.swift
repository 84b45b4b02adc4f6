import XCTest
@testable import WaihuDomain

final class PhoneNumberTests: XCTestCase {
    private func key(_ raw: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        switch PhoneNumber.parse(raw) {
        case .success(let number): return number.key
        case .failure: return nil
        }
    }

    private func error(_ raw: String) -> PhoneNumberError? {
        if case .failure(let error) = PhoneNumber.parse(raw) { return error }
        return nil
    }

    // MARK: mobiles

    func testMobileInEveryAcceptedSpellingHasTheSameKey() {
        let spellings = [
            "13800138000", "+8613800138000", "8613800138000", "008613800138000",
            "+86 13800138000", "+86-13800138000", "86 13800138000", "86-13800138000",
            "0086 13800138000", "0086-13800138000",
            "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "+86-138-0013-8000",
            "１３８００１３８０００", "＋８６ １３８－００１３－８０００", "１３８　００１３　８０００",
            "  13800138000\t", "\u{3000}13800138000\u{3000}", "\u{FEFF}13800138000",
        ]
        for spelling in spellings {
            XCTAssertEqual(key(spelling), "+8613800138000", "\(spelling)")
        }
    }

    func testMobileFields() throws {
        let number = try PhoneNumber(parsing: "+86 139-1234-5678")
        XCTAssertEqual(number.kind, .mobile)
        XCTAssertNil(number.areaCode)
        XCTAssertEqual(number.subscriber, "13912345678")
        XCTAssertNil(number.extensionNumber)
        XCTAssertEqual(number.nationalNumber, "13912345678")
        XCTAssertEqual(number.displayString, "139 1234 5678")
    }

    func testMobileSecondDigitIsThreeToNine() {
        for second in 3...9 {
            XCTAssertEqual(key("1\(second)012345678"), "+861\(second)012345678")
        }
        XCTAssertEqual(error("10012345678"), .notAPhoneNumber)
        XCTAssertEqual(error("11012345678"), .notAPhoneNumber)
        XCTAssertEqual(error("12012345678"), .notAPhoneNumber)
    }

    func testMobileRejections() {
        XCTAssertEqual(error("1380013800"), .notAPhoneNumber, "10 digits")
        XCTAssertEqual(error("138001380001"), .notAPhoneNumber, "12 digits")
        XCTAssertEqual(error("+86 1380013800"), .notAPhoneNumber, "10 digits after +86")
        XCTAssertEqual(error("013800138000"), .notAPhoneNumber, "a trunk 0 before a mobile")
        XCTAssertEqual(error("(138)00138000"), .notAPhoneNumber, "brackets around a mobile prefix")
        XCTAssertEqual(error("13800138000转801"), .badExtension)
        XCTAssertEqual(error("1380013800a"), .unexpectedCharacter("a"))
        XCTAssertEqual(error("138/0013/8000"), .unexpectedCharacter("/"))
        XCTAssertEqual(error("+44 13800138000"), .foreignCountryCode)
        XCTAssertEqual(error("+1 2025550123"), .foreignCountryCode)
        XCTAssertEqual(error("++8613800138000"), .foreignCountryCode)
        XCTAssertEqual(error("-13800138000"), .notAPhoneNumber)
        XCTAssertEqual(error("13800138000-"), .notAPhoneNumber)
        XCTAssertEqual(error("138.0013.8000"), .unexpectedCharacter("."))
        XCTAssertEqual(error(""), .empty)
        XCTAssertEqual(error("  \u{3000} "), .empty)
        XCTAssertEqual(error("无"), .unexpectedCharacter("无"))
    }

    // MARK: landlines

    func testLandlineInEveryAcceptedSpellingHasTheSameKey() {
        let spellings = [
            "02162345678", "021-62345678", "021 62345678", "021 - 62345678", "(021)62345678", "(021) 62345678",
            "(021)6234-5678", "021-6234-5678", "021 6234 5678", "（０２１）６２３４５６７８", "０２１－６２３４５６７８",
            "+86 21 62345678", "+86-21-62345678", "+862162345678", "+86 (21) 62345678", "0086 21 62345678",
            "86 21 62345678", " 021-62345678 ",
        ]
        for spelling in spellings {
            XCTAssertEqual(key(spelling), "+862162345678", "\(spelling)")
        }
    }

    func testBeijingAndOtherTwoDigitAreaCodesTakeEightDigits() {
        XCTAssertEqual(key("010-62345678"), "+861062345678")
        XCTAssertEqual(key("+86 10 62345678"), "+861062345678")
        XCTAssertEqual(key("+861062345678"), "+861062345678", "the key itself reads back")
        XCTAssertEqual(error("+86 10 6234567"), .notAPhoneNumber)
        for area in 20...29 {
            XCTAssertEqual(key("0\(area)-82345678"), "+86\(area)82345678")
            XCTAssertEqual(error("0\(area)-8234567"), .notAPhoneNumber, "0\(area) with 7 digits")
            XCTAssertEqual(error("0\(area)-823456789"), .notAPhoneNumber, "0\(area) with 9 digits")
        }
        XCTAssertEqual(error("010-6234567"), .notAPhoneNumber)
    }

    func testAreaCodesStartingWithOneOtherThanTenAreRejected() {
        for second in [1, 2, 5, 9] {
            XCTAssertEqual(error("01\(second)-62345678"), .notAPhoneNumber, "01\(second)")
            XCTAssertEqual(error("01\(second)6-2345678"), .notAPhoneNumber, "01\(second)6")
        }
        XCTAssertEqual(error("00-62345678"), .notAPhoneNumber)
        XCTAssertEqual(error("0-62345678"), .notAPhoneNumber)
    }

    func testThreeDigitAreaCodesTakeSevenOrEightDigits() throws {
        let seven = try PhoneNumber(parsing: "0571-8888888")
        XCTAssertEqual(seven.key, "+865718888888")
        XCTAssertEqual(seven.areaCode, "571")
        XCTAssertEqual(seven.subscriber, "8888888")
        let eight = try PhoneNumber(parsing: "0755 2345 6789")
        XCTAssertEqual(eight.key, "+8675523456789")
        XCTAssertEqual(eight.areaCode, "755")
        XCTAssertEqual(eight.subscriber, "23456789")
        XCTAssertEqual(eight.nationalNumber, "075523456789")
        for first in 3...9 {
            XCTAssertEqual(key("0\(first)71-2345678"), "+86\(first)712345678")
            XCTAssertEqual(key("0\(first)7123456789"), "+86\(first)7123456789")
            XCTAssertEqual(error("0\(first)71-234567"), .notAPhoneNumber, "6 digits")
            XCTAssertEqual(error("0\(first)71-234567891"), .notAPhoneNumber, "9 digits")
        }
    }

    func testSubscriberNeverStartsWithZeroOrOne() {
        XCTAssertEqual(error("021-02345678"), .notAPhoneNumber)
        XCTAssertEqual(error("021-12345678"), .notAPhoneNumber)
        XCTAssertEqual(error("0571-0888888"), .notAPhoneNumber)
        XCTAssertEqual(error("0571-1888888"), .notAPhoneNumber)
        XCTAssertEqual(error("+86 21 12345678"), .notAPhoneNumber)
    }

    func testLandlineRejections() {
        XCTAssertEqual(error("+86 021 62345678"), .notAPhoneNumber, "the 0 is dropped after +86")
        XCTAssertEqual(error("2162345678"), .notAPhoneNumber, "no trunk 0")
        XCTAssertEqual(error("(021-62345678"), .notAPhoneNumber)
        XCTAssertEqual(error("021)62345678"), .notAPhoneNumber)
        XCTAssertEqual(error("021(6234)5678"), .notAPhoneNumber)
        XCTAssertEqual(error("021-62345678-"), .notAPhoneNumber)
        XCTAssertEqual(error("021-62345678-1234567"), .notAPhoneNumber, "7 digits is no extension")
        XCTAssertEqual(error("021_62345678"), .unexpectedCharacter("_"))
        XCTAssertEqual(error("tel 021-62345678"), .unexpectedCharacter("l"))
        XCTAssertEqual(error("abc"), .unexpectedCharacter("a"))
    }

    // MARK: extensions

    func testExtensionsAreKeptOutOfTheKey() throws {
        let spellings = [
            "021-62345678-801", "021-62345678转801", "021-62345678 转 801", "021-62345678轉801",
            "021-62345678分机801", "02162345678 分機 801", "021-62345678ext801", "021-62345678 EXT. 801",
            "021-62345678 ext:801", "021-62345678x801", "021-62345678 X801", "０２１－６２３４５６７８－８０１",
            "０２１－６２３４５６７８转８０１", "(021)62345678-801", "+86 21 62345678 ext 801", "021-6234-5678-801",
        ]
        for spelling in spellings {
            let number = try PhoneNumber(parsing: spelling)
            XCTAssertEqual(number.key, "+862162345678", "\(spelling)")
            XCTAssertEqual(number.extensionNumber, "801", "\(spelling)")
        }
        XCTAssertEqual(try PhoneNumber(parsing: "021-62345678转801").displayString, "021-62345678 转801")
    }

    func testDashedGroupsAreReadAsOneNumberUnlessTheLastGroupFollowsACompleteNumber() throws {
        let split = try PhoneNumber(parsing: "0571-8888-8888")
        XCTAssertEqual(split.subscriber, "88888888")
        XCTAssertNil(split.extensionNumber)
        let withExtension = try PhoneNumber(parsing: "0571-8888888-8")
        XCTAssertEqual(withExtension.subscriber, "8888888")
        XCTAssertEqual(withExtension.extensionNumber, "8")
        let short = try PhoneNumber(parsing: "0571-888-8888")
        XCTAssertEqual(short.subscriber, "8888888")
        XCTAssertNil(short.extensionNumber)
    }

    func testBadExtensions() {
        XCTAssertEqual(error("021-62345678转"), .badExtension)
        XCTAssertEqual(error("021-62345678 ext"), .badExtension)
        XCTAssertEqual(error("021-62345678转1234567"), .badExtension, "7 digits")
        XCTAssertEqual(error("021-62345678转80-1"), .badExtension)
        XCTAssertEqual(error("021-62345678转80a"), .unexpectedCharacter("a"))
        XCTAssertEqual(error("021-62345678分801"), .unexpectedCharacter("分"))
        XCTAssertEqual(error("转801"), .notAPhoneNumber)
        XCTAssertEqual(error("021-6234567转801"), .notAPhoneNumber, "incomplete number before the extension")
    }

    func testErrorsHaveAMessage() {
        XCTAssertEqual(PhoneNumberError.unexpectedCharacter("a").message, "a phone number cannot contain 'a'")
        XCTAssertFalse(PhoneNumberError.notAPhoneNumber.message.isEmpty)
    }
}
