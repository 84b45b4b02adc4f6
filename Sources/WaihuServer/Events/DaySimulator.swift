import Foundation
import WaihuDomain

/// Writes a plausible working day of events for demos and benchmarks (`waihu simulate day`,
/// `waihu bench reports`): rosters, logins, state intervals that cover the logged-in time,
/// about 400 dials per agent, dispositions, sales, QA, complaints, SMS replies.
///
/// Seeded: the same seed, date and agents give the same day.
public struct DaySimulator: Sendable {
    public var agents: Int
    public var day: CalendarDay
    public var seed: UInt64
    public var agentsPerTeam = 10
    public var clock = LocalClock()

    public init(agents: Int, day: CalendarDay, seed: UInt64 = 1) {
        self.agents = agents
        self.day = day
        self.seed = seed
    }

    public static func agentID(_ index: Int) -> String { String(format: "sim%03d", index + 1) }
    public static func teamID(_ index: Int, agentsPerTeam: Int) -> String { "SimTeam\(index / agentsPerTeam + 1)" }

    /// Employment records of the simulated agents (hired at the start of the year, in teams).
    public func employment() -> [CallCenterEvent] {
        (0..<agents).map { index in
            .employment(EmploymentRecord(agentID: Self.agentID(index), name: "模拟座席\(index + 1)",
                                         skill: index % 5 == 0 ? .dual : .outbound,
                                         hiredOn: CalendarDay(year: day.year, month: 1, day: 1)!,
                                         teamID: Self.teamID(index, agentsPerTeam: agentsPerTeam)))
        }
    }

    /// The day's events, agent after agent, in time order per agent.
    public func events() -> [CallCenterEvent] {
        var events: [CallCenterEvent] = []
        events.reserveCapacity(agents * 1300)
        let dayStart = clock.start(of: day)
        let dayKey = day.description.replacingOccurrences(of: "-", with: "")
        for index in 0..<agents {
            var random = SplitMix(seed: seed &+ UInt64(index) &* 0x9E37_79B9 &+ UInt64(day.daysSince1970) &* 7919)
            let agent = Self.agentID(index)
            let campaign = index % 2 == 0 ? "C-renewal" : "C-survey"
            let shiftStart = dayStart.addingTimeInterval(9 * 3600)
            let shiftEnd = dayStart.addingTimeInterval(18 * 3600)
            let onLeave = random.chance(0.03)
            events.append(.roster(RosterEntry(agentID: agent, day: day, shiftStart: shiftStart, shiftEnd: shiftEnd,
                                              leave: onLeave ? .annual : nil)))
            if onLeave || random.chance(0.01) { continue }

            var now = shiftStart.addingTimeInterval(random.uniform(-300, 600))
            let logout = shiftEnd.addingTimeInterval(random.uniform(-600, 300))
            events.append(.agentSession(AgentSessionEvent(agentID: agent, kind: .login, at: now, seatID: "S\(index + 1)")))
            let lunch = dayStart.addingTimeInterval(12 * 3600 + random.uniform(0, 1800))
            let tea = dayStart.addingTimeInterval(15 * 3600 + random.uniform(0, 1800))
            var hadLunch = false, hadTea = false
            var call = 0
            func state(_ s: AgentState, _ seconds: Double, reason: NotReadyReason? = nil) {
                let end = min(now.addingTimeInterval(seconds), logout)
                guard end > now else { return }
                events.append(.agentState(AgentStateInterval(agentID: agent, state: s, reason: reason, start: now, end: end,
                                                             campaignID: campaign)))
                now = end
            }
            while now < logout {
                if !hadLunch && now >= lunch { state(.notReady, random.uniform(2400, 3600), reason: .meal); hadLunch = true; continue }
                if !hadTea && now >= tea { state(.notReady, random.uniform(300, 900), reason: .break); hadTea = true; continue }
                if random.chance(0.004) { state(.helpRequest, random.uniform(30, 180)); continue }
                state(.ready, random.uniform(3, 20))
                guard now < logout else { break }
                call += 1
                let callID = "\(dayKey)-\(agent)-\(call)"
                let lead = "L\(random.next() % 400_000)"
                let batch = ["B2026-A", "B2026-B", "B2026-C"][Int(random.next() % 3)]
                let source = batch == "B2026-C" ? "src-carrier" : "src-broker"
                let attemptNumber = 1 + Int(random.next() % 3)
                let placed = now
                let roll = random.uniform(0, 1)
                let outcome: CallOutcome = roll < 0.30 ? .answered : roll < 0.45 ? .busy : roll < 0.70 ? .noAnswer
                    : roll < 0.80 ? .invalid : roll < 0.88 ? .rejected : roll < 0.95 ? .machine : .abandoned
                guard outcome == .answered else {
                    let ring = random.uniform(8, 35)
                    state(.ready, ring)
                    events.append(.callAttempt(CallAttemptRecord(
                        callID: callID, leadID: lead, campaignID: campaign, number: "138\(String(format: "%08d", random.next() % 100_000_000))",
                        placedAt: placed, ringingAt: placed.addingTimeInterval(2), endedAt: now, outcome: outcome,
                        attemptNumber: attemptNumber, listBatch: batch, listSource: source)))
                    continue
                }
                let ring = random.uniform(5, 20)
                state(.ready, ring)
                let answered = now
                state(.onCall, random.uniform(20, 260))
                let talk = now.timeIntervalSince(answered)
                events.append(.callAttempt(CallAttemptRecord(
                    callID: callID, leadID: lead, campaignID: campaign, number: "139\(String(format: "%08d", random.next() % 100_000_000))",
                    placedAt: placed, ringingAt: placed.addingTimeInterval(2), answeredAt: answered, endedAt: now,
                    outcome: .answered, agentID: agent, talkSeconds: talk, attemptNumber: attemptNumber,
                    listBatch: batch, listSource: source)))
                state(.wrapUp, random.uniform(5, 40))
                let pick = random.uniform(0, 1)
                let (code, category): (String, DispositionCategory) = pick < 0.10 ? ("成交", .success)
                    : pick < 0.45 ? ("嫌贵", .refusal) : pick < 0.60 ? ("预约回拨", .callback)
                    : pick < 0.72 ? ("已在他司续保", .alreadyCovered) : pick < 0.82 ? ("非本人", .wrongParty)
                    : pick < 0.88 ? ("号码错误", .invalidNumber) : ("犹豫", .undecided)
                events.append(.disposition(DispositionRecord(leadID: lead, campaignID: campaign, callID: callID, agentID: agent,
                                                             code: code, category: category, at: now)))
                if category == .success {
                    events.append(.sale(SaleRecord(saleID: "S-\(callID)", leadID: lead, campaignID: campaign, agentID: agent,
                                                   callID: callID, product: "车险续保", premium: Decimal(Int(random.uniform(1500, 6000))),
                                                   soldAt: now, entryErrors: random.chance(0.05) ? 1 : 0)))
                }
                if random.chance(0.05) {
                    let score = random.uniform(70, 100).rounded()
                    events.append(.qaResult(QAResultRecord(callID: callID, agentID: agent, inspectorID: "qa1", score: score,
                                                           passed: score >= 80, excellent: score >= 95, at: now)))
                }
                if random.chance(0.2) {
                    let r = random.uniform(0, 1)
                    events.append(.smsReply(SMSSatisfactionReply(number: "139\(String(format: "%04d%04d", index, call))", at: now.addingTimeInterval(120),
                                                                 rating: r < 0.8 ? .satisfied : r < 0.93 ? .neutral : .dissatisfied,
                                                                 callID: callID, agentID: agent, campaignID: campaign)))
                }
                if random.chance(0.003) {
                    events.append(.complaint(ComplaintRecord(complaintID: "CP-\(callID)", at: now, leadID: lead, callID: callID,
                                                             campaignID: campaign, agentID: agent, causedByOutbound: true,
                                                             agentAtFault: random.chance(0.5))))
                }
            }
            if random.chance(0.02) {
                events.append(.violation(ViolationRecord(agentID: agent, at: now, kind: "late")))
            }
            events.append(.agentSession(AgentSessionEvent(agentID: agent, kind: .logout, at: logout, seatID: "S\(index + 1)")))
        }
        return events
    }
}

/// A small, fast, seeded generator (SplitMix64): the same seed gives the same day.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }

    mutating func chance(_ p: Double) -> Bool { uniform(0, 1) < p }
}
