import Foundation
import WaihuMedia

/// How a voice-broadcast campaign (语音群呼) calls: the recorded ad, which key reaches an
/// agent, and the trunk's limits.
public struct BroadcastSettings: Sendable {
    /// The ad played to every answered call.
    public var prompt: WAVFile
    /// Keys that put the caller through to an agent ("press 1").
    public var transferDigits: Set<Character>
    /// How long to wait for a key once the ad has ended, before hanging up.
    public var digitWaitAfterPrompt: Duration
    /// Played when the caller pressed 1 and no agent is free (then the call ends);
    /// nil hangs up at once.
    public var noAgentPrompt: WAVFile?
    /// This campaign's own share: at most this many calls at once and this many new calls a
    /// second, within the trunk's limits (`trunk`), never above them.
    public var maxConcurrentCalls: Int
    public var callsPerSecond: Double
    /// The trunk's pool, shared with every other campaign and test call on the trunk; nil
    /// holds the calls to the campaign's own share only.
    public var trunk: CallPool?
    public var ringTimeout: Duration
    public var callerID: String
    /// Each call is recorded to `<directory>/<lead id>-<time>.wav` when set.
    public var recordingDirectory: URL?
    /// When the queue has nothing to dial now, how long before asking again.
    public var idleRecheck: Duration = .seconds(1)
    /// 号码检测: the runner only reads each number's fate and hangs up at the first sign of
    /// alerting; `prompt` and the transfer are unused.
    public var checksNumbersOnly = false

    public init(prompt: WAVFile, transferDigits: Set<Character> = ["1"], digitWaitAfterPrompt: Duration = .seconds(5),
                noAgentPrompt: WAVFile? = nil, maxConcurrentCalls: Int = 10, callsPerSecond: Double = 5,
                ringTimeout: Duration = .seconds(30), callerID: String, recordingDirectory: URL? = nil, trunk: CallPool? = nil) {
        self.prompt = prompt
        self.transferDigits = transferDigits
        self.digitWaitAfterPrompt = digitWaitAfterPrompt
        self.noAgentPrompt = noAgentPrompt
        self.maxConcurrentCalls = max(1, maxConcurrentCalls)
        self.callsPerSecond = callsPerSecond
        self.ringTimeout = ringTimeout
        self.callerID = callerID
        self.recordingDirectory = recordingDirectory
        self.trunk = trunk
    }

    /// The pools each call waits for: the trunk's and this campaign's share (named `share`).
    func admission(share: String) -> CallAdmission {
        CallAdmission(pools: (trunk.map { [$0] } ?? [])
            + [CallPool(name: share, limit: CallLimit(maxConcurrent: maxConcurrentCalls, callsPerSecond: callsPerSecond))])
    }
}
