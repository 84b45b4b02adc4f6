import Foundation
import SQLKit
import WaihuDomain

/// One value of an event row, bound as a parameter (or NULL).
enum EventValue: Sendable {
    case text(String?)
    case integer(Int?)
    case real(Double?)
    case flag(Bool?)

    static func time(_ date: Date?) -> EventValue { .real(date?.timeIntervalSince1970) }

    var expression: any SQLExpression {
        switch self {
        case .text(let value): return value.map { SQLBind($0) } ?? SQLLiteral.null
        case .integer(let value): return value.map { SQLBind($0) } ?? SQLLiteral.null
        case .real(let value): return value.map { SQLBind($0) } ?? SQLLiteral.null
        case .flag(let value): return value.map { SQLBind($0) } ?? SQLLiteral.null
        }
    }
}

/// Turns events into rows of `EventTable`s, in each table's column order.
struct EventRows {
    let clock: LocalClock
    let simulated: Bool

    /// The rows one event adds: usually one; a state interval one per local hour it spans.
    func rows(for event: CallCenterEvent) -> (table: EventTable, rows: [[EventValue]]) {
        switch event {
        case .callAttempt(let a):
            return (.callAttempts, [[
                .text(a.callID), .text(a.leadID), .text(a.campaignID), .text(a.number),
                .time(a.placedAt), .time(a.ringingAt), .time(a.answeredAt), .time(a.endedAt),
                .text(a.outcome.rawValue), .text(a.agentID), .real(a.talkSeconds), .real(a.playbackSeconds),
                .text(a.digits), .integer(a.attemptNumber), .text(a.listBatch), .text(a.listSource),
            ] + local(a.placedAt) + [.text(a.cause?.rawValue), .text(a.evidence), .flag(a.foundInvalid)]])
        case .agentSession(let s):
            return (.agentSessions, [[.text(s.agentID), .text(s.kind.rawValue), .time(s.at), .text(s.seatID)] + local(s.at)])
        case .agentState(let interval):
            return (.agentStates, statePieces(interval))
        case .disposition(let d):
            return (.dispositions, [[
                .text(d.leadID), .text(d.campaignID), .text(d.callID), .text(d.agentID), .text(d.code),
                .text(d.category.rawValue), .time(d.at), .text(d.note),
            ] + local(d.at)])
        case .sale(let s):
            let fen = Int(NSDecimalNumber(decimal: s.premium * 100).doubleValue.rounded())
            return (.sales, [[
                .text(s.saleID), .text(s.leadID), .text(s.campaignID), .text(s.agentID), .text(s.callID),
                .text(s.product), .integer(fen), .time(s.soldAt), .integer(s.entryErrors), .time(s.cancelledAt),
            ] + local(s.soldAt)])
        case .qaResult(let q):
            return (.qaResults, [[
                .text(q.callID), .text(q.agentID), .text(q.inspectorID), .real(q.score), .flag(q.passed),
                .flag(q.excellent), .time(q.at),
            ] + local(q.at)])
        case .complaint(let c):
            return (.complaints, [[
                .text(c.complaintID), .time(c.at), .text(c.leadID), .text(c.callID), .text(c.campaignID),
                .text(c.agentID), .flag(c.causedByOutbound), .flag(c.agentAtFault), .text(c.summary),
            ] + local(c.at)])
        case .violation(let v):
            return (.violations, [[.text(v.agentID), .time(v.at), .text(v.kind), .text(v.note)] + local(v.at)])
        case .roster(let r):
            return (.rosters, [[
                .text(r.agentID), .time(r.shiftStart), .time(r.shiftEnd), .text(r.leave?.rawValue),
                .real(r.scheduledSeconds), .text(r.day.description), .integer(clock.dayAndHour(r.shiftStart).hour),
                .flag(simulated),
            ]])
        case .employment(let e):
            return (.employment, [[
                .text(e.agentID), .text(e.name), .text(e.skill.rawValue), .text(e.hiredOn.description),
                .text(e.leftOn?.description), .text(e.teamID), .flag(simulated),
            ]])
        case .smsReply(let r):
            return (.smsReplies, [[
                .text(r.number), .time(r.at), .text(r.rating.rawValue), .text(r.callID), .text(r.leadID),
                .text(r.agentID), .text(r.campaignID), .text(r.text),
            ] + local(r.at)])
        }
    }

    private func local(_ date: Date) -> [EventValue] {
        let (day, hour) = clock.dayAndHour(date)
        return [.text(day), .integer(hour), .flag(simulated)]
    }

    /// Splits an interval at local hour boundaries, so that sums per day and per hour clip it
    /// as `AgentTimeBreakdown` does.
    func statePieces(_ interval: AgentStateInterval) -> [[EventValue]] {
        clock.hourPieces(from: interval.start, to: interval.end).map { start, end in
            [
                .text(interval.agentID), .text(interval.state.rawValue), .text(interval.reason?.rawValue),
                .time(interval.start), .time(interval.end), .real(end.timeIntervalSince(start)),
                .flag(start == interval.start), .text(interval.campaignID),
            ] + local(start)
        }
    }
}
