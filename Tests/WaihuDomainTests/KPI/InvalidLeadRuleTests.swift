import Foundation
import XCTest
@testable import WaihuDomain

final class InvalidLeadRuleTests: XCTestCase {
    func testTheNetworkAndTheAgentCanEachShowAnInvalidNumber() {
        XCTAssertEqual(InvalidLeadRule.invalidOutcomes, [.invalid])
        XCTAssertEqual(InvalidLeadRule.invalidCategories, [.invalidNumber])
        XCTAssertFalse(InvalidLeadRule.showsInvalidNumber(CallOutcome.failed), "a network failure says nothing about the number")
        XCTAssertFalse(InvalidLeadRule.showsInvalidNumber(DispositionCategory.wrongParty), "a stranger answered a working number")
    }

    /// A hand-computed day: five leads dialled; L2 空号 by the network, L3 answered by a fax
    /// (invalid_number disposition), L4 both; L5 refused. Invalid: L2, L3, L4 → 3 / 5 = 60 %.
    /// Counting the network's verdict alone gave 2 / 5 = 40 %.
    func testInvalidLeadsOfADay() {
        let at = Date(timeIntervalSince1970: 1_772_382_600)
        func call(_ id: String, _ lead: String, _ outcome: CallOutcome) -> CallAttemptRecord {
            CallAttemptRecord(callID: id, leadID: lead, campaignID: "C", number: id, placedAt: at, endedAt: at, outcome: outcome)
        }
        func disposition(_ lead: String, _ category: DispositionCategory) -> DispositionRecord {
            DispositionRecord(leadID: lead, campaignID: "C", code: category.rawValue, category: category, at: at)
        }
        let calls = [call("K1", "L1", .answered), call("K2", "L2", .invalid), call("K3", "L3", .answered),
                     call("K4", "L4", .invalid), call("K5", "L4", .answered), call("K6", "L5", .answered)]
        let dispositions = [disposition("L1", .success), disposition("L3", .invalidNumber),
                            disposition("L4", .invalidNumber), disposition("L5", .refusal)]
        let invalid = InvalidLeadRule.invalidLeads(calls, dispositions)
        XCTAssertEqual(invalid, ["L2", "L3", "L4"])
        XCTAssertEqual(KPI.invalidRate(invalidLeads: invalid.count, dialledLeads: KPI.dialledLeads(calls).count).percentText, "60.0%")
    }
}
