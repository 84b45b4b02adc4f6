import Foundation
import WaihuDomain
import WaihuMedia

/// How an agent campaign (preview, progressive or predictive) connects answered calls.
public struct AgentCampaignSettings: Sendable {
    public var callerID: String
    public var ringTimeout: Duration
    /// How long an answered customer may wait for an agent before the call counts as
    /// abandoned (the abandon cap's grace, 2 s by default).
    public var connectGrace: Duration
    /// Played to an abandoned customer before hanging up (the regulator's recorded message);
    /// nil hangs up in silence.
    public var abandonMessage: WAVFile?
    /// After-call work ends by itself after this long if the agent has not finished it.
    public var wrapUpLimit: Duration
    /// How long an agent's phone may ring before the agent is set not ready.
    public var agentRingTimeout: Duration
    /// Each call is recorded to `<directory>/<lead id>-<time>.wav` when set.
    public var recordingDirectory: URL?
    /// How often the pacer is asked, besides after every event.
    public var tick: Duration
    /// When the queue has nothing to dial now, how long before asking again.
    public var idleRecheck: Duration = .seconds(1)
    /// The trunk's pool (and the campaign's own share) every customer call waits for in the
    /// engine's `TrunkAdmission`; nil places calls as the pacer asks.
    public var admission: CallAdmission?
    /// The campaign's local clock (its plan's time zone, Asia/Shanghai by default): the
    /// abandon cap counts the center's days, not UTC ones.
    public var clock: LocalClock

    public init(callerID: String, ringTimeout: Duration = .seconds(30), connectGrace: Duration = .seconds(2),
                abandonMessage: WAVFile? = nil, wrapUpLimit: Duration = .seconds(60), agentRingTimeout: Duration = .seconds(15),
                recordingDirectory: URL? = nil, tick: Duration = .milliseconds(250), clock: LocalClock = LocalClock()) {
        self.clock = clock
        self.callerID = callerID
        self.ringTimeout = ringTimeout
        self.connectGrace = connectGrace
        self.abandonMessage = abandonMessage
        self.wrapUpLimit = wrapUpLimit
        self.agentRingTimeout = agentRingTimeout
        self.recordingDirectory = recordingDirectory
        self.tick = tick
    }

    /// The abandon cap's day of `date`: days since 1970-01-01 of its local calendar day, so a
    /// call at 23:30 and one at 00:30 the next morning count against different days.
    public func abandonCapDay(of date: Date) -> Int {
        clock.day(of: date).daysSince1970
    }
}
