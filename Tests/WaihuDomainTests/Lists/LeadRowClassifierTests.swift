import XCTest
@testable import WaihuDomain

final class LeadRowClassifierTests: XCTestCase {
    private func phone(_ raw: String) -> Result<PhoneNumber, PhoneNumberError> { PhoneNumber.parse(raw) }

    func testChecksRunInTheOrderOfTheIssue() throws {
        // +8613900000001 is both on the do-not-call list and already a lead: dnc comes first.
        let lookup = PhoneKeySets(doNotCall: ["+8613900000001", "+8613900000002"],
                                  existing: ["+8613900000001", "+8613900000003"])
        var classifier = LeadRowClassifier()
        XCTAssertEqual(classifier.classify(phone("1390000000"), lookup: lookup), .rejected(.invalidPhone))
        XCTAssertEqual(classifier.classify(phone("13900000001"), lookup: lookup), .rejected(.doNotCall))
        XCTAssertEqual(classifier.classify(phone("+86 139 0000 0002"), lookup: lookup), .rejected(.doNotCall))
        XCTAssertEqual(classifier.classify(phone("13900000003"), lookup: lookup), .rejected(.duplicate))
        XCTAssertEqual(classifier.classify(phone("13900000004"), lookup: lookup), .imported(try PhoneNumber(parsing: "13900000004")))
    }

    func testTheFirstOccurrenceInTheFileWins() {
        var classifier = LeadRowClassifier()
        let lookup = PhoneKeySets()
        guard case .imported = classifier.classify(phone("138 0013 8000"), lookup: lookup) else {
            return XCTFail("first occurrence should be imported")
        }
        XCTAssertEqual(classifier.classify(phone("+8613800138000"), lookup: lookup), .rejected(.duplicate))
        XCTAssertEqual(classifier.classify(phone("021-62345678转801"), lookup: lookup),
                       .imported(PhoneNumber(kind: .landline, areaCode: "21", subscriber: "62345678", extensionNumber: "801")))
        XCTAssertEqual(classifier.classify(phone("(021)62345678"), lookup: lookup), .rejected(.duplicate),
                       "an extension is not part of the key")
        XCTAssertEqual(classifier.importedKeys, ["+8613800138000", "+862162345678"])
    }

    func testRejectedRowsDoNotClaimTheirKey() {
        var classifier = LeadRowClassifier()
        let lookup = PhoneKeySets(doNotCall: ["+8613800138000"])
        XCTAssertEqual(classifier.classify(phone("13800138000"), lookup: lookup), .rejected(.doNotCall))
        XCTAssertEqual(classifier.classify(phone("13800138000"), lookup: lookup), .rejected(.doNotCall))
        XCTAssertTrue(classifier.importedKeys.isEmpty)
    }

    func testForgettingKeysHandsDuplicatesOverToTheSystemLookup() {
        var classifier = LeadRowClassifier()
        var lookup = PhoneKeySets()
        _ = classifier.classify(phone("13800138000"), lookup: lookup)
        classifier.forgetImportedKeys()
        XCTAssertTrue(classifier.importedKeys.isEmpty)
        lookup.existing.insert("+8613800138000")  // the batch was committed
        XCTAssertEqual(classifier.classify(phone("13800138000"), lookup: lookup), .rejected(.duplicate))
    }
}
