import XCTest
@testable import WaihuDomain

/// A number check (号码检测) needs neither a prompt nor agents' dispositions: the plan's own
/// checks accept it bare, and it is not an agent mode.
final class CleansePlanTests: XCTestCase {
    func testANumberCheckNeedsNoPromptAndNoDispositions() {
        let plan = CampaignPlan(mode: .cleanse, dispositions: [])
        XCTAssertEqual(plan.problems(hasPrompt: false), [])
        XCTAssertFalse(plan.connectsAgents)
        XCTAssertEqual(CampaignPlan(mode: .broadcast, dispositions: []).problems(hasPrompt: false), [.broadcastWithoutPrompt],
                       "a broadcast still needs its ad")
        XCTAssertEqual(CampaignPlan(mode: .progressive, dispositions: []).problems(hasPrompt: true), [.noDispositions],
                       "agents still need dispositions")
    }
}
