/// Start, pause, resume and stop for a running campaign, shared between the runner and
/// whoever controls it (the supervisor's page, the CLI). Pausing and stopping stop new
/// dials; calls already up finish normally, because hanging up on a customer who is
/// listening or talking to an agent is worse than a few more seconds of dialing.
public actor CampaignControl {
    public enum State: String, Sendable {
        case running, paused, stopped
    }

    public private(set) var state: State = .running
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public func pause() {
        if state == .running { state = .paused }
    }

    public func resume() {
        if state == .paused { state = .running }
        wake()
    }

    public func stop() {
        state = .stopped
        wake()
    }

    /// Returns true when the runner may dial, after waiting out a pause; false once stopped.
    public func mayDial() async -> Bool {
        while state == .paused {
            await withCheckedContinuation { waiters.append($0) }
        }
        return state == .running
    }

    private func wake() {
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter.resume() }
    }
}
