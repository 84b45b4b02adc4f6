import Foundation
import NIOConcurrencyHelpers
import Vapor
import WaihuDialer
import WaihuDomain

/// The seat board (座席): the agents seated on this server: who is logged in to which campaign with
/// which phone, their `AgentStateMachine`, the call on their screen. The machine decides every
/// move; the board performs the actions: each closed state interval and each log-in and
/// log-out becomes an event for the KPIs (written in order by one writer), and every change is
/// pushed to that agent's desktop streams.
///
/// An agent campaign's runner holds the machines of its agents (it reserves them for
/// customers) and reports each move synchronously (`runnerMoved`), so the board's copy is
/// never older than the runner's; for other campaigns (broadcast) the board moves the
/// machine itself (`move`). The board is a lock, not an actor, so nothing can overtake.
final class SeatBoard: Sendable {
    struct Seat: Sendable {
        var username: String
        var displayName: String
        var teamID: UUID?
        var teamName: String?
        var phone: String
        var campaignID: Int
        var campaignName: String
        var mode: DialMode
        /// Changed only by the board, through the machine's moves.
        fileprivate(set) var machine: AgentStateMachine
        var call: DesktopCall?
        /// Preview: the lead claimed for this agent, shown and not yet dialed.
        var previewLead: CampaignLead?

        init(username: String, displayName: String, teamID: UUID?, teamName: String?, phone: String, campaignID: Int,
             campaignName: String, mode: DialMode) {
            self.username = username
            self.displayName = displayName
            self.teamID = teamID
            self.teamName = teamName
            self.phone = phone
            self.campaignID = campaignID
            self.campaignName = campaignName
            self.mode = mode
            machine = AgentStateMachine()
        }

        var state: AgentState { machine.state }
        var reason: NotReadyReason? { machine.reason }
        var since: Date { machine.since }
        /// The agent (or a supervisor) asked for not ready while on a call: applied after the disposition.
        var notReadyAfterCall: NotReadyReason? { machine.notReadyAfterCall }
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
    func seats(campaign: Int, state: AgentState) -> [Seat] {
        board.withLockedValue { $0.seats.values.filter { $0.campaignID == campaign && $0.state == state } }.sorted { $0.since < $1.since }
    }

    // MARK: - Moves

    /// Seats an agent, logged out until the log-in move (the runner's, or `move`).
    func seatAgent(_ seat: Seat) {
        board.withLockedValue { board in
            board.seats[seat.username] = seat
            board.ownerOfPhone[seat.phone] = seat.username
        }
    }

    /// Takes a seat whose log-in was refused off the board.
    func unseatIfLoggedOut(_ username: String) {
        board.withLockedValue { board in
            if let seat = board.seats[username], !seat.machine.isLoggedIn { Self.store(seat, on: &board) }
        }
    }

    /// Moves the agent's machine here (campaigns without an agent runner, and the agent's own
    /// log-out when a campaign ends); throws the machine's refusal, nil without a seat.
    /// Returns the seat after the move and the move's actions (a caller may start a timer).
    @discardableResult
    func move(_ username: String, _ event: (inout AgentStateMachine) throws -> [AgentAction]) throws -> (seat: Seat, actions: [AgentAction])? {
        let moved = try board.withLockedValue { board -> (seat: Seat, actions: [AgentAction])? in
            guard var seat = board.seats[username] else { return nil }
            let actions = try event(&seat.machine)
            Self.store(seat, on: &board)
            return (seat, actions)
        }
        if let moved { perform(moved.actions, of: moved.seat) }
        return moved
    }

    /// The agent campaign's runner moved the machine of the agent at `phone`.
    func runnerMoved(phone: String, _ machine: AgentStateMachine, _ actions: [AgentAction]) {
        let seat = board.withLockedValue { board -> Seat? in
            guard var seat = board.ownerOfPhone[phone].flatMap({ board.seats[$0] }) else { return nil }
            seat.machine = machine
            if machine.state == .wrapUp, seat.call != nil, seat.call?.ended_at == nil { seat.call?.ended_at = machine.since }
            Self.store(seat, on: &board)
            return seat
        }
        if let seat { perform(actions, of: seat) }
    }

    /// Reserves the agent of a campaign who has been ready longest, in one step, so two
    /// callers never reach the same agent.
    func reserveLongestReady(campaign: Int, at time: Date = Date()) -> Seat? {
        let moved = board.withLockedValue { board -> (seat: Seat, actions: [AgentAction])? in
            guard var seat = board.seats.values.filter({ $0.campaignID == campaign && $0.state.isAvailableForCalls })
                .min(by: { $0.since < $1.since }),
                let actions = try? seat.machine.reserve(at: time) else { return nil }
            Self.store(seat, on: &board)
            return (seat, actions)
        }
        guard let moved else { return nil }
        perform(moved.actions, of: moved.seat)
        return moved.seat
    }

    /// A logged-out seat leaves the board.
    private static func store(_ seat: Seat, on board: inout Board) {
        if seat.machine.isLoggedIn {
            board.seats[seat.username] = seat
        } else {
            board.seats[seat.username] = nil
            if board.ownerOfPhone[seat.phone] == seat.username { board.ownerOfPhone[seat.phone] = nil }
        }
    }

    /// The board's part of a move: the KPI events and the desktop push. Timers and customers
    /// are the runner's (or the transfer pool's).
    private func perform(_ actions: [AgentAction], of seat: Seat) {
        var batch: [CallCenterEvent] = []
        var push = false
        for action in actions {
            switch action {
            case let .record(state, reason, from, to):
                batch.append(.agentState(AgentStateInterval(agentID: seat.username, state: state, reason: reason, start: from, end: to,
                                                            campaignID: seat.campaignName)))
            case let .recordSession(kind, time):
                batch.append(.agentSession(AgentSessionEvent(agentID: seat.username, kind: kind, at: time, seatID: seat.phone)))
            case .notifyDesktop:
                push = true
            case .offerNextCustomer, .startWrapUpTimer, .endWrapUpTimer:
                break
            }
        }
        if !batch.isEmpty { events.yield(batch) }
        if push { notify(seat.username) }
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

    /// A stream that yields whenever this agent's seat changes (bursts may merge).
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

    /// Every open desk looks again (a campaign or an assignment changed).
    func notifyAll() {
        let watchers = board.withLockedValue { $0.watchers.values.flatMap(\.values) }
        for watcher in watchers { watcher.yield() }
    }

    func notify(_ username: String) {
        let watchers = board.withLockedValue { Array(($0.watchers[username] ?? [:]).values) }
        for watcher in watchers { watcher.yield() }
    }

}

extension Application {
    private struct CampaignCenterKey: StorageKey {
        typealias Value = CampaignCenter
    }

    /// The campaigns running on this server and the agents seated; nil in commands
    /// and tests that run no telephony.
    var campaignCenter: CampaignCenter? {
        get { storage[CampaignCenterKey.self] }
        set { storage[CampaignCenterKey.self] = newValue }
    }
}
