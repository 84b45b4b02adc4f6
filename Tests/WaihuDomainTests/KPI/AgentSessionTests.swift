import XCTest
@testable import WaihuDomain

final class AgentSessionTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_772_413_200) // 09:00 +08:00

    func event(_ agent: String, _ kind: AgentSessionEvent.Kind, _ minutes: Double) -> AgentSessionEvent {
        AgentSessionEvent(agentID: agent, kind: kind, at: t0.addingTimeInterval(minutes * 60))
    }

    func testPairsLoginsAndLogoutsAndToleratesLostEvents() {
        let sessions = AgentSession.pair([
            event("A1", .logout, 240),  // given out of order
            event("A1", .login, 0),
            event("A2", .logout, 10),   // no login before it: ignored
            event("A2", .login, 30),
            event("A2", .login, 90),    // logout lost: first session closes at 90
            event("A2", .logout, 120),
            event("A3", .login, 60),    // still logged in
        ])
        XCTAssertEqual(sessions, [
            AgentSession(agentID: "A1", login: t0, logout: t0.addingTimeInterval(240 * 60)),
            AgentSession(agentID: "A2", login: t0.addingTimeInterval(30 * 60), logout: t0.addingTimeInterval(90 * 60)),
            AgentSession(agentID: "A3", login: t0.addingTimeInterval(60 * 60), logout: nil),
            AgentSession(agentID: "A2", login: t0.addingTimeInterval(90 * 60), logout: t0.addingTimeInterval(120 * 60)),
        ])
    }

    func testLoggedInTimeIsClippedAndAnOpenSessionRunsUntilNow() {
        let period = DateInterval(start: t0.addingTimeInterval(3600), end: t0.addingTimeInterval(3 * 3600))
        let closed = AgentSession(agentID: "A1", login: t0, logout: t0.addingTimeInterval(4 * 3600))
        XCTAssertEqual(closed.loggedInSeconds(in: period, now: t0.addingTimeInterval(5 * 3600)), 2 * 3600)
        let open = AgentSession(agentID: "A1", login: t0.addingTimeInterval(2 * 3600))
        XCTAssertEqual(open.loggedInSeconds(in: period, now: t0.addingTimeInterval(2.5 * 3600)), 1800)
        let before = AgentSession(agentID: "A1", login: t0, logout: t0.addingTimeInterval(1800))
        XCTAssertEqual(before.loggedInSeconds(in: period, now: t0), 0)
    }

    func testLoginCount() {
        let period = DateInterval(start: t0, end: t0.addingTimeInterval(3600))
        let events = [event("A1", .login, -5), event("A1", .logout, 10), event("A1", .login, 20),
                      event("A1", .logout, 30), event("A1", .login, 60)]
        // Only the login at +20 min is inside [09:00, 10:00).
        XCTAssertEqual(KPI.loginCount(events, in: period), 1)
    }
}
