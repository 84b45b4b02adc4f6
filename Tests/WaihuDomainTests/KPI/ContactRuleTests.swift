import Foundation
import XCTest
@testable import WaihuDomain

final class ContactRuleTests: XCTestCase {
    func testOnlyTheRightCustomerReachedIsAContact() {
        XCTAssertEqual(ContactRule.contactCategories,
                       [.success, .refusal, .callback, .undecided, .alreadyCovered, .doNotCall, .other])
        XCTAssertFalse(ContactRule.isContact(.invalidNumber), "a fax line or a dead number")
        XCTAssertFalse(ContactRule.isContact(.wrongParty), "someone other than the customer")
        XCTAssertTrue(ContactRule.isContact(.doNotCall), "the customer said so themself")
    }

    func testContactedLeadsCountsEachLeadOnce() {
        let at = Date(timeIntervalSince1970: 1_772_382_600)
        func record(_ lead: String, _ category: DispositionCategory) -> DispositionRecord {
            DispositionRecord(leadID: lead, campaignID: "C", code: category.rawValue, category: category, at: at)
        }
        let dispositions = [record("L1", .callback), record("L1", .success), record("L2", .wrongParty),
                            record("L3", .invalidNumber), record("L4", .refusal)]
        XCTAssertEqual(ContactRule.contactedLeads(dispositions), ["L1", "L4"])
        XCTAssertEqual(KPI.contactedLeads(dispositions), ContactRule.contactedLeads(dispositions))
    }
}
