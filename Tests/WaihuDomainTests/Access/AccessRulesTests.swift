import XCTest
@testable import WaihuDomain

final class AccessRulesTests: XCTestCase {
    func testOnlyAdminsAdministerUsersAndReadTheAuditLog() {
        XCTAssertEqual(Feature.userAdministration.roles, [.admin])
        XCTAssertEqual(Feature.auditLog.roles, [.admin])
        XCTAssertEqual(Feature.telephony.roles, [.admin])
    }

    func testAgentsNeverExportLeadsNorHearRecordings() {
        XCTAssertFalse(Role.agent.features.contains(.leadExport))
        XCTAssertFalse(Role.agent.features.contains(.recordings))
        XCTAssertEqual(Role.agent.features, [.agentDesktop, .leads, .reports])
        XCTAssertEqual(Feature.leadExport.roles, [.admin, .listManager])
    }

    func testBranchOfficesSeeNothingYet() {
        XCTAssertEqual(Role.branch.features, [])
    }

    func testThrottleRefusesAtTheFifthFailureOfEitherAccountOrAddress() {
        let policy = LoginThrottlePolicy.standard
        XCTAssertFalse(policy.refuses(accountFailures: 4, addressFailures: 4))
        XCTAssertTrue(policy.refuses(accountFailures: 5, addressFailures: 0))
        XCTAssertTrue(policy.refuses(accountFailures: 0, addressFailures: 5))
        XCTAssertEqual(policy.retryAfter(oldestCountedFailureAge: 60), 840)
        XCTAssertEqual(policy.retryAfter(oldestCountedFailureAge: 899.5), 1)
    }

    func testUsernameRules() throws {
        XCTAssertNoThrow(try AccountRules.validateUsername("zhangsan_01"))
        XCTAssertNoThrow(try AccountRules.validateUsername("张三"))
        XCTAssertThrowsError(try AccountRules.validateUsername("a")) { error in
            XCTAssertEqual((error as? AccountRuleError)?.field, "username")
        }
        XCTAssertThrowsError(try AccountRules.validateUsername(String(repeating: "x", count: 33)))
        XCTAssertThrowsError(try AccountRules.validateUsername("bob smith")) { error in
            XCTAssertEqual(error as? AccountRuleError, .invalidCharacter(field: "username", character: " "))
        }
    }

    func testUnknownRoleMessageListsTheValidRoles() {
        XCTAssertEqual(try AccountRules.role(named: "list_manager"), .listManager)
        XCTAssertThrowsError(try AccountRules.role(named: "root")) { error in
            let message = (error as? AccountRuleError)?.message ?? ""
            XCTAssertTrue(message.contains("root"))
            XCTAssertTrue(message.contains("list_manager"))
        }
    }

    func testPasswordAndTeamNameLengths() {
        XCTAssertThrowsError(try AccountRules.validatePassword("short"))
        XCTAssertNoThrow(try AccountRules.validatePassword("long enough"))
        XCTAssertThrowsError(try AccountRules.teamName("   "))
        XCTAssertEqual(try AccountRules.teamName("　A组 "), "A组")
    }
}
