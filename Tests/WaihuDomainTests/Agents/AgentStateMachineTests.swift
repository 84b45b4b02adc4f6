import Foundation
import XCTest
@testable import WaihuDomain

final class AgentStateMachineTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_772_413_200)  // 2026-03-02 09:00 Shanghai

    private func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    /// An agent brought to `state` by the usual path, the last move at t0 + 100 s.
    private func agent(in state: AgentState) throws -> AgentStateMachine {
        var m = AgentStateMachine()
        guard state != .loggedOut else { return m }
        _ = try m.logIn(at: at(0))
        let path: [(inout AgentStateMachine, Date) throws -> [AgentAction]]
        switch state {
        case .notReady: path = []
        case .ready: path = [{ try $0.ready(at: $1) }]
        case .reserved: path = [{ try $0.ready(at: $1) }, { try $0.reserve(at: $1) }]
        case .ringing: path = [{ try $0.ready(at: $1) }, { try $0.reserve(at: $1) }, { try $0.phoneRinging(at: $1) }]
        case .onCall:
            path = [{ try $0.ready(at: $1) }, { try $0.reserve(at: $1) }, { try $0.phoneRinging(at: $1) }, { try $0.answered(at: $1) }]
        case .wrapUp:
            path = [{ try $0.ready(at: $1) }, { try $0.reserve(at: $1) }, { try $0.phoneRinging(at: $1) }, { try $0.answered(at: $1) },
                    { try $0.callEnded(at: $1) }]
        case .loggedOut, .internalCall, .helpRequest:
            XCTFail("no event enters \(state) yet")
            return m
        }
        for (i, step) in path.enumerated() { _ = try step(&m, at(Double(100 - path.count + 1 + i))) }
        XCTAssertEqual(m.state, state)
        return m
    }

    // MARK: - Every allowed move

    func testLogInStartsNotReadyAndRecordsTheSession() throws {
        var m = AgentStateMachine()
        XCTAssertEqual(try m.logIn(at: at(0)), [.recordSession(.login, at: at(0)), .notifyDesktop])
        XCTAssertEqual(m.state, .notReady)
        XCTAssertNil(m.reason)
        XCTAssertEqual(m.loggedInAt, at(0))
    }

    func testReadyFromNotReadyClosesTheNotReadyInterval() throws {
        var m = try agent(in: .notReady)
        XCTAssertEqual(try m.ready(at: at(150)),
                       [.record(.notReady, reason: nil, from: at(0), to: at(150)), .notifyDesktop, .offerNextCustomer])
        XCTAssertEqual(m.state, .ready)
        XCTAssertEqual(m.since, at(150))
    }

    func testReadyFromWrapUpEndsTheWrapUpTimer() throws {
        var m = try agent(in: .wrapUp)
        XCTAssertEqual(try m.ready(at: at(130)), [.record(.wrapUp, reason: nil, from: at(100), to: at(130)),
                                                  .endWrapUpTimer(seconds: 30), .notifyDesktop, .offerNextCustomer])
        XCTAssertEqual(m.state, .ready)
    }

    func testReadyWhenReadyChangesNothing() throws {
        var m = try agent(in: .ready)
        let before = m
        XCTAssertEqual(try m.ready(at: at(200)), [])
        XCTAssertEqual(m, before)
    }

    func testNotReadyFromReadyAndWrapUpAndWithANewReason() throws {
        var m = try agent(in: .ready)
        XCTAssertEqual(try m.notReady(.break, at: at(160)),
                       [.record(.ready, reason: nil, from: at(100), to: at(160)), .notifyDesktop])
        XCTAssertEqual(m.state, .notReady)
        XCTAssertEqual(m.reason, .break)
        XCTAssertEqual(try m.notReady(.break, at: at(170)), [], "the same reason again moves nothing")
        XCTAssertEqual(try m.notReady(.meal, at: at(200)),
                       [.record(.notReady, reason: .break, from: at(160), to: at(200)), .notifyDesktop])
        XCTAssertEqual(m.reason, .meal)

        var w = try agent(in: .wrapUp)
        XCTAssertEqual(try w.notReady(.training, at: at(110)), [.record(.wrapUp, reason: nil, from: at(100), to: at(110)),
                                                                .endWrapUpTimer(seconds: 10), .notifyDesktop])
        XCTAssertEqual(w.state, .notReady)
        XCTAssertEqual(w.reason, .training)
    }

    func testACallFromReserveToWrapUp() throws {
        var m = try agent(in: .ready)
        XCTAssertEqual(try m.reserve(at: at(110)), [.record(.ready, reason: nil, from: at(100), to: at(110)), .notifyDesktop])
        XCTAssertEqual(m.state, .reserved)
        // Reserved and ringing are stored as on_call, as the reports always counted them.
        XCTAssertEqual(try m.phoneRinging(at: at(112)), [.record(.onCall, reason: nil, from: at(110), to: at(112)), .notifyDesktop])
        XCTAssertEqual(m.state, .ringing)
        XCTAssertEqual(try m.answered(at: at(115)), [.record(.onCall, reason: nil, from: at(112), to: at(115)), .notifyDesktop])
        XCTAssertEqual(m.state, .onCall)
        XCTAssertEqual(try m.callEnded(at: at(175)),
                       [.record(.onCall, reason: nil, from: at(115), to: at(175)), .startWrapUpTimer, .notifyDesktop])
        XCTAssertEqual(m.state, .wrapUp)
        XCTAssertEqual(m.dispositionSaved(at: at(190)), [.record(.wrapUp, reason: nil, from: at(175), to: at(190)),
                                                         .endWrapUpTimer(seconds: 15), .notifyDesktop, .offerNextCustomer])
        XCTAssertEqual(m.state, .ready)
    }

    func testTheWrapUpTimerEndsWrapUpLikeADisposition() throws {
        var m = try agent(in: .wrapUp)
        XCTAssertEqual(m.wrapUpTimerEnded(at: at(160)), [.record(.wrapUp, reason: nil, from: at(100), to: at(160)),
                                                         .endWrapUpTimer(seconds: 60), .notifyDesktop, .offerNextCustomer])
        XCTAssertEqual(m.state, .ready)
        XCTAssertEqual(m.wrapUpTimerEnded(at: at(170)), [], "a timer of a wrap-up already over moves nothing")
        XCTAssertEqual(m.dispositionSaved(at: at(171)), [], "an earlier call's disposition moves nothing")
    }

    func testALostCustomerLeavesTheAgentReady() throws {
        for state in [AgentState.reserved, .ringing] {
            var m = try agent(in: state)
            XCTAssertEqual(try m.customerLost(at: at(120)), [.record(.onCall, reason: nil, from: at(100), to: at(120)),
                                                             .notifyDesktop, .offerNextCustomer], "\(state)")
            XCTAssertEqual(m.state, .ready)
        }
    }

    func testAnUnansweredPhoneSetsTheAgentNotReady() throws {
        var m = try agent(in: .ringing)
        XCTAssertEqual(try m.phoneNotAnswered(at: at(115)),
                       [.record(.onCall, reason: nil, from: at(100), to: at(115)), .notifyDesktop])
        XCTAssertEqual(m.state, .notReady)
        XCTAssertEqual(m.reason, .systemIssue)
    }

    func testLogOutFromEveryLoggedInState() throws {
        for state in [AgentState.notReady, .ready, .reserved, .ringing, .onCall, .wrapUp] {
            var m = try agent(in: state)
            var expected: [AgentAction] = [.record(state.recorded!, reason: nil, from: at(100), to: at(130))]
            if state == .notReady { expected = [.record(.notReady, reason: nil, from: at(0), to: at(130))] }
            if state == .wrapUp { expected.append(.endWrapUpTimer(seconds: 30)) }
            expected += [.recordSession(.logout, at: at(130)), .notifyDesktop]
            XCTAssertEqual(try m.logOut(at: at(130)), expected, "\(state)")
            XCTAssertEqual(m.state, .loggedOut)
            XCTAssertNil(m.loggedInAt)
        }
        var forced = try agent(in: .onCall)
        XCTAssertEqual(try forced.supervisorForcesLogOut(at: at(101)),
                       [.record(.onCall, reason: nil, from: at(100), to: at(101)), .recordSession(.logout, at: at(101)), .notifyDesktop])
        XCTAssertEqual(forced.state, .loggedOut)
    }

    func testASupervisorForcesNotReadyAtOnceWhenNoCallHoldsTheAgent() throws {
        var m = try agent(in: .ready)
        _ = try m.supervisorForcesNotReady(at: at(120))
        XCTAssertEqual(m.state, .notReady)
        XCTAssertEqual(m.reason, .other)
    }

    // MARK: - Not ready after the call

    func testNotReadyDuringACallIsAppliedAfterTheDisposition() throws {
        var m = try agent(in: .onCall)
        XCTAssertEqual(try m.notReady(.meal, at: at(110)), [.notifyDesktop], "no move during the call")
        XCTAssertEqual(m.state, .onCall)
        XCTAssertEqual(m.notReadyAfterCall, .meal)
        _ = try m.callEnded(at: at(120))
        XCTAssertEqual(m.state, .wrapUp, "still the call's wrap-up")
        XCTAssertEqual(m.dispositionSaved(at: at(140)), [.record(.wrapUp, reason: nil, from: at(120), to: at(140)),
                                                         .endWrapUpTimer(seconds: 20), .notifyDesktop])
        XCTAssertEqual(m.state, .notReady)
        XCTAssertEqual(m.reason, .meal)
        XCTAssertNil(m.notReadyAfterCall)
    }

    func testASupervisorsPauseDuringACallWaitsForTheWrapUpLimitToo() throws {
        var m = try agent(in: .ringing)
        _ = try m.supervisorForcesNotReady(.coaching, at: at(101))
        _ = try m.answered(at: at(102))
        _ = try m.callEnded(at: at(150))
        _ = m.wrapUpTimerEnded(at: at(210))
        XCTAssertEqual(m.state, .notReady)
        XCTAssertEqual(m.reason, .coaching)
    }

    func testNotReadyAfterCallRequestedInWrapUpAndDroppedByReady() throws {
        var m = try agent(in: .wrapUp)
        XCTAssertEqual(try m.notReadyAfterCall(.break, at: at(105)), [.notifyDesktop])
        XCTAssertEqual(m.state, .wrapUp)
        _ = m.dispositionSaved(at: at(110))
        XCTAssertEqual(m.state, .notReady)
        XCTAssertEqual(m.reason, .break)

        var changed = try agent(in: .onCall)
        _ = try changed.notReadyAfterCall(.break, at: at(105))
        _ = try changed.callEnded(at: at(110))
        _ = try changed.ready(at: at(111))
        XCTAssertEqual(changed.state, .ready, "going ready in wrap-up withdraws the request")
        XCTAssertNil(changed.notReadyAfterCall)

        var idle = try agent(in: .ready)
        _ = try idle.notReadyAfterCall(.meeting, at: at(105))
        XCTAssertEqual(idle.state, .notReady, "without a call the pause is at once")
        XCTAssertEqual(idle.reason, .meeting)
    }

    func testALostCustomerAppliesAPendingNotReady() throws {
        var m = try agent(in: .reserved)
        _ = try m.notReady(.break, at: at(101))
        _ = try m.customerLost(at: at(110))
        XCTAssertEqual(m.state, .notReady)
        XCTAssertEqual(m.reason, .break)
    }

    // MARK: - Refused moves

    func testRefusedMoves() throws {
        let refusals: [(AgentState, AgentEvent, (inout AgentStateMachine) throws -> [AgentAction])] = [
            (.loggedOut, .ready, { try $0.ready(at: self.at(200)) }),
            (.loggedOut, .notReady, { try $0.notReady(.break, at: self.at(200)) }),
            (.loggedOut, .reserve, { try $0.reserve(at: self.at(200)) }),
            (.loggedOut, .logOut, { try $0.logOut(at: self.at(200)) }),
            (.loggedOut, .supervisorForcesNotReady, { try $0.supervisorForcesNotReady(at: self.at(200)) }),
            (.notReady, .logIn, { try $0.logIn(at: self.at(200)) }),
            (.notReady, .reserve, { try $0.reserve(at: self.at(200)) }),
            (.wrapUp, .reserve, { try $0.reserve(at: self.at(200)) }),
            (.reserved, .reserve, { try $0.reserve(at: self.at(200)) }),
            (.onCall, .ready, { try $0.ready(at: self.at(200)) }),
            (.ringing, .ready, { try $0.ready(at: self.at(200)) }),
            (.reserved, .ready, { try $0.ready(at: self.at(200)) }),
            (.ready, .phoneRinging, { try $0.phoneRinging(at: self.at(200)) }),
            (.reserved, .answered, { try $0.answered(at: self.at(200)) }),
            (.ready, .callEnded, { try $0.callEnded(at: self.at(200)) }),
            (.ringing, .callEnded, { try $0.callEnded(at: self.at(200)) }),
            (.onCall, .customerLost, { try $0.customerLost(at: self.at(200)) }),
            (.ready, .customerLost, { try $0.customerLost(at: self.at(200)) }),
            (.onCall, .phoneNotAnswered, { try $0.phoneNotAnswered(at: self.at(200)) }),
            (.loggedOut, .notReadyAfterCall, { try $0.notReadyAfterCall(.break, at: self.at(200)) }),
        ]
        for (state, event, move) in refusals {
            var m = try agent(in: state)
            let before = m
            XCTAssertThrowsError(try move(&m), "\(event) in \(state)") { error in
                XCTAssertEqual(error as? AgentTransitionError, .refused(event, in: state))
            }
            XCTAssertEqual(m, before, "a refused \(event) in \(state) changes nothing")
        }
    }

    func testRefusalsSayWhy() {
        XCTAssertEqual(AgentTransitionError.refused(.ready, in: .onCall).description, "ready: you are on a call (通话中)")
        XCTAssertEqual(AgentTransitionError.refused(.notReady, in: .loggedOut).description, "not_ready: log in to a campaign first")
    }

    // MARK: - Intervals

    func testTheClosedIntervalsAddUpToTheLoggedInTime() throws {
        var m = AgentStateMachine()
        var actions: [AgentAction] = []
        func step(_ seconds: Double, _ move: (inout AgentStateMachine, Date) throws -> [AgentAction]) throws {
            actions += try move(&m, at(seconds))
        }
        try step(0) { try $0.logIn(at: $1) }
        try step(0) { try $0.ready(at: $1) }  // an empty not-ready interval: none recorded
        try step(42) { try $0.reserve(at: $1) }
        try step(44) { try $0.customerLost(at: $1) }
        try step(60) { try $0.reserve(at: $1) }
        try step(61) { try $0.phoneRinging(at: $1) }
        try step(63) { try $0.answered(at: $1) }
        try step(200) { try $0.notReady(.meal, at: $1) }
        try step(250) { try $0.callEnded(at: $1) }
        try step(310) { $0.wrapUpTimerEnded(at: $1) }
        try step(1_800) { try $0.ready(at: $1) }
        try step(1_830) { try $0.reserve(at: $1) }
        try step(1_831) { try $0.phoneRinging(at: $1) }
        try step(1_846) { try $0.phoneNotAnswered(at: $1) }
        try step(1_900) { try $0.ready(at: $1) }
        try step(1_999) { try $0.reserve(at: $1) }
        try step(2_000) { try $0.phoneRinging(at: $1) }
        try step(2_001) { try $0.answered(at: $1) }
        try step(2_100) { try $0.callEnded(at: $1) }
        try step(2_400) { try $0.supervisorForcesLogOut(at: $1) }

        var intervals: [(AgentState, NotReadyReason?, Date, Date)] = []
        var sessions: [(AgentSessionEvent.Kind, Date)] = []
        for action in actions {
            if case .record(let state, let reason, let from, let to) = action { intervals.append((state, reason, from, to)) }
            if case .recordSession(let kind, let time) = action { sessions.append((kind, time)) }
        }
        XCTAssertEqual(sessions.map(\.0), [.login, .logout])
        let loggedIn = sessions[1].1.timeIntervalSince(sessions[0].1)
        XCTAssertEqual(intervals.map { $0.3.timeIntervalSince($0.2) }.reduce(0, +), loggedIn)
        for (previous, next) in zip(intervals, intervals.dropFirst()) {
            XCTAssertEqual(previous.3, next.2, "no gap and no overlap between intervals")
        }
        XCTAssertTrue(intervals.allSatisfy { $0.3 > $0.2 }, "no empty interval is recorded")
        XCTAssertTrue(intervals.allSatisfy { $0.0.recorded == $0.0 }, "only stored states are recorded")
        let byState = Dictionary(grouping: intervals, by: \.0).mapValues { $0.map { $0.3.timeIntervalSince($0.2) }.reduce(0, +) }
        XCTAssertEqual(byState[.onCall], 2 + 1 + 2 + 187 + 1 + 15 + 1 + 1 + 99)
        XCTAssertEqual(byState[.wrapUp], 60 + 300)
        XCTAssertEqual(byState[.notReady], 1_490 + 54)
        XCTAssertEqual(intervals.filter { $0.0 == .notReady }.map(\.1), [.meal, .systemIssue])

        // The same intervals through the KPI breakdown: logged-in time is the session.
        let breakdown = AgentTimeBreakdown(
            intervals: intervals.map { AgentStateInterval(agentID: "A1", state: $0.0, reason: $0.1, start: $0.2, end: $0.3) },
            period: DateInterval(start: at(0), end: at(86_400)))
        XCTAssertEqual(breakdown.loggedIn, loggedIn)
        XCTAssertEqual(breakdown.talk + breakdown.wrapUp + breakdown.notReady + breakdown.idle, loggedIn)
    }

    func testAClockThatStepsBackMakesNoNegativeInterval() throws {
        var m = try agent(in: .ready)
        XCTAssertEqual(try m.reserve(at: at(50)), [.notifyDesktop])
        XCTAssertEqual(m.since, at(100))
    }

    // MARK: - What pacing reads

    func testWhatPacingCountsOn() {
        XCTAssertEqual(AgentState.allCases.filter(\.isAvailableForCalls), [.ready])
        XCTAssertEqual(AgentState.allCases.filter(\.countsAsTalking), [.reserved, .ringing, .onCall])
    }
}
