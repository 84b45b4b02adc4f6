import WaihuSIP

/// One call to place: a customer number through the SIP trunk (外呼), or a registered
/// agent phone (坐席话机) for a bridge.
public struct OutboundCallRequest: Sendable {
    public enum Target: Sendable, Equatable {
        /// `number` at the trunk; the trunk's IP literal and port, and waihu's account there.
        case trunk(number: String, host: String, port: Int, credentials: DigestCredentials?)
        /// A phone registered to waihu under this extension.
        case phone(extension: String)
    }

    public var target: Target
    /// The caller ID presented (主叫号码), the From user.
    public var callerID: String
    /// Ring this long, then CANCEL and report no answer.
    public var ringTimeout: Duration
    /// Write the call to this stereo WAV (customer left, waihu or agent right).
    public var recordingPath: String?
    /// The trunk (and campaign share) the call counts against; the engine places it only when
    /// they allow it (`TrunkAdmission`). Nil for calls no limit applies to (agent phones).
    public var admission: CallAdmission?
    /// Whether to read the call's fate from its audio (tones, announcements, a live voice
    /// after the answer). Calls to agent phones are never analysed.
    public var progressAnalysis: ProgressAnalysisMode
    /// Where to keep the audio of a recording nobody taught waihu (`<call-id>.wav`), so a
    /// list manager can label it; nil keeps nothing.
    public var progressAudioDirectory: String?

    public init(target: Target, callerID: String, ringTimeout: Duration = .seconds(30), recordingPath: String? = nil,
                admission: CallAdmission? = nil, progressAnalysis: ProgressAnalysisMode = .standard,
                progressAudioDirectory: String? = nil) {
        self.progressAnalysis = progressAnalysis
        self.progressAudioDirectory = progressAudioDirectory
        self.target = target
        self.callerID = callerID
        self.ringTimeout = ringTimeout
        self.recordingPath = recordingPath
        self.admission = admission
    }
}
