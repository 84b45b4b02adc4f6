import Foundation
import NIOConcurrencyHelpers
import Vapor
import WaihuDialer
import WaihuDomain

/// The agents at their desks on this server (座席): who is logged in to which campaign with
/// which phone, their state and time in state, the call on their screen. State changes come
/// from the agent (ready, not ready, log out), from a supervisor, and from the campaign's
/// runner (on call, wrap-up), in the order they happen: the runner reports them synchronously
/// and the board is a lock, not an actor, so nothing can overtake. Each closed state interval
/// becomes an event for the KPIs (written in order by one writer), and every change is
/// pushed to that agent's desktop streams.
final class AgentDesk: Sendable {
    enum State: String, Codable, Sendable {
        case loggedOut = "logged_out", notReady = "not_ready", ready, onCall = "on_call", wrapUp = "wrap_up"

        var agentState: AgentState? {
            switch self {
            case .loggedOut: return nil
            case .notReady: return .notReady
            case .ready: return .ready
            case .onCall: return .onCall
            case .wrapUp: return .wrapUp
            }
        }
    }

    struct Seat: Sendable {
        var username: String
        var displayName: String
        var teamID: UUID?
        var teamName: String?
        var phone: String
        var campaignID: Int
        var campaignName: String
        var mode: DialMode
        var state: State
        var reason: NotReadyReason?
        var since: Date
        var loggedInAt: Date
        var call: DeskCall?
        /// The agent (or a supervisor) asked for not ready while on a call: applied after the disposition.
        var notReadyAfterCall: NotReadyReason?
        /// Preview: the lead claimed for this agent, shown and not yet dialed.
        var previewLead: CampaignLead?
    }

    private struct Board {
        var seats: [String: Seat] = [:]
        var ownerOfPhone: [String: String] = [:]
        var watchers: [String: [UUID: AsyncStream<Void>.Continuation]] = [:]
        var closed = false
    }

    private let board = NIOLockedValueBox(Board())
    private let events: AsyncStream<[CallCenterEvent]>.Continuation
    private let writer: Task<Void, Never>
    let clock: LocalClock

    init(application: Application, clock: LocalClock = LocalClock()) {
        self.clock = clock
        let (stream, continuation) = AsyncStream<[CallCenterEvent]>.makeStream(bufferingPolicy: .unbounded)
        events = continuation
        let logger = application.logger
        writer = Task {
            for await batch in stream {
                do {
                    try await WriteRetry.transaction(on: application.db) { db in
                        try await EventStore(database: db, clock: clock).insert(batch)
                    }
                    application.liveHub.changed()
                } catch {
                    logger.error("could not store agent events", metadata: ["error": .string("\(error)")])
                }
            }
        }
    }

    /// Stops taking events and waits until every one is stored.
    func shutdown() async {
        events.finish()
        await writer.value
    }

    // MARK: - Reading

    func seat(of username: String) -> Seat? { board.withLockedValue { $0.seats[username] } }

    func seat(ofPhone phone: String) -> Seat? {
        board.withLockedValue { board in board.ownerOfPhone[phone].flatMap { board.seats[$0] } }
    }

    func seats() -> [Seat] { board.withLockedValue { Array($0.seats.values) }.sorted { $0.username < $1.username } }

    /// Seats of a campaign in this state, the one in it longest first.
    func seats(campaign: Int, state: State) -> [Seat] {
        board.withLockedValue { $0.seats.values.filter { $0.campaignID == campaign && $0.state == state } }.sorted { $0.since < $1.since }
    }

    // MARK: - Changes

    func logIn(_ seat: Seat) {
        var seat = seat
        seat.state = .notReady
        seat.reason = nil
        seat.since = seat.loggedInAt
        board.withLockedValue { board in
            board.seats[seat.username] = seat
            board.ownerOfPhone[seat.phone] = seat.username
        }
        events.yield([.agentSession(AgentSessionEvent(agentID: seat.username, kind: .login, at: seat.loggedInAt, seatID: seat.phone))])
        notify(seat.username)
    }

    func logOut(_ username: String, at time: Date = Date()) {
        guard let seat = board.withLockedValue({ board -> Seat? in
            guard let seat = board.seats.removeValue(forKey: username) else { return nil }
            board.ownerOfPhone[seat.phone] = nil
            return seat
        }) else { return }
        var closing = interval(seat, until: time)
        closing.append(.agentSession(AgentSessionEvent(agentID: username, kind: .logout, at: time, seatID: seat.phone)))
        events.yield(closing)
        notify(username)
    }

    /// Moves an agent to a state; a no-op when nothing changes. Returns the seat after.
    @discardableResult
    func set(_ username: String, _ state: State, reason: NotReadyReason? = nil, at time: Date = Date()) -> Seat? {
        let change = board.withLockedValue { board -> (old: Seat, new: Seat)? in
            guard var seat = board.seats[username] else { return nil }
            let reason = state == .notReady ? (reason ?? seat.reason ?? .other) : nil
            guard seat.state != state || seat.reason != reason else { return nil }
            let old = seat
            seat.state = state
            seat.reason = reason
            seat.since = time
            board.seats[username] = seat
            return (old, seat)
        }
        guard let change else { return seat(of: username) }
        events.yield(interval(change.old, until: time))
        notify(username)
        return change.new
    }

    /// Takes the agent of a campaign who has been ready longest and puts them on a call, in
    /// one step, so two callers never reach the same agent.
    func takeReady(campaign: Int, at time: Date = Date()) -> Seat? {
        let change = board.withLockedValue { board -> (old: Seat, new: Seat)? in
            guard let old = board.seats.values.filter({ $0.campaignID == campaign && $0.state == .ready })
                .min(by: { $0.since < $1.since }) else { return nil }
            var new = old
            new.state = .onCall
            new.reason = nil
            new.since = time
            board.seats[old.username] = new
            return (old, new)
        }
        guard let change else { return nil }
        events.yield(interval(change.old, until: time))
        notify(change.new.username)
        return change.new
    }

    /// What the campaign's runner decided for a phone (nil: logged out of the runner).
    func runnerSet(phone: String, _ activity: AgentActivity?) {
        guard let seat = seat(ofPhone: phone), let activity else { return }
        switch activity {
        case .ready: set(seat.username, .ready)
        case .talking: set(seat.username, .onCall)
        case .wrapUp:
            set(seat.username, .wrapUp)
            update(seat.username) { seat in if seat.call != nil, seat.call?.ended_at == nil { seat.call?.ended_at = Date() } }
        case .notReady:
            // The runner sets an agent not ready when the phone did not answer.
            set(seat.username, .notReady, reason: seat.state == .notReady ? seat.reason : .systemIssue)
        }
    }

    func update(_ username: String, _ change: (inout Seat) -> Void) {
        let changed = board.withLockedValue { board -> Bool in
            guard var seat = board.seats[username] else { return false }
            change(&seat)
            board.seats[username] = seat
            return true
        }
        if changed { notify(username) }
    }

    // MARK: - Pushing to desktops

    /// A stream that yields whenever this agent's desk changes (bursts may merge).
    func watch(_ username: String) -> AsyncStream<Void> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let closed = board.withLockedValue { board -> Bool in
            if !board.closed { board.watchers[username, default: [:]][id] = continuation }
            return board.closed
        }
        if closed { continuation.finish() }
        continuation.onTermination = { [weak self] _ in
            self?.board.withLockedValue { _ = $0.watchers[username]?.removeValue(forKey: id) }
        }
        return stream
    }

    /// The server is stopping: the desktops' streams end (their browsers reconnect to the
    /// next server start).
    func closeStreams() {
        let all = board.withLockedValue { board -> [AsyncStream<Void>.Continuation] in
            board.closed = true
            return board.watchers.values.flatMap(\.values)
        }
        for watcher in all { watcher.finish() }
    }

    func notify(_ username: String) {
        let watchers = board.withLockedValue { Array(($0.watchers[username] ?? [:]).values) }
        for watcher in watchers { watcher.yield() }
    }

    // MARK: - Events

    private func interval(_ seat: Seat, until end: Date) -> [CallCenterEvent] {
        guard let state = seat.state.agentState, end > seat.since else { return [] }
        return [.agentState(AgentStateInterval(agentID: seat.username, state: state, reason: seat.reason, start: seat.since,
                                               end: end, campaignID: seat.campaignName))]
    }
}

extension Application {
    private struct CampaignCenterKey: StorageKey {
        typealias Value = CampaignCenter
    }

    /// The campaigns running on this server and the agents at their desks; nil in commands
    /// and tests that run no telephony.
    var campaignCenter: CampaignCenter? {
        get { storage[CampaignCenterKey.self] }
        set { storage[CampaignCenterKey.self] = newValue }
    }
}
