/// Where a campaign (外呼任务) stands. Stored by raw value.
public enum CampaignStatus: String, Codable, CaseIterable, Sendable {
    /// Created, never started.
    case draft
    /// Dialing (or waiting for its window or its retries).
    case running
    /// Paused by a supervisor: no new dials; calls up finish.
    case paused
    /// Stopped by a supervisor; may be started again.
    case stopped
    /// Every lead is settled: nothing left to dial.
    case finished

    /// Chinese name for the pages.
    public var chineseName: String {
        switch self {
        case .draft: return "草稿"
        case .running: return "进行中"
        case .paused: return "已暂停"
        case .stopped: return "已停止"
        case .finished: return "已完成"
        }
    }

    /// The English name for the pages (the language switch).
    public var englishName: String {
        switch self {
        case .draft: return "Draft"
        case .running: return "Running"
        case .paused: return "Paused"
        case .stopped: return "Stopped"
        case .finished: return "Finished"
        }
    }

    /// The status after a supervisor's command, or nil when the command makes no sense now
    /// (resuming a campaign that is not paused, pausing a stopped one …).
    public func after(_ command: CampaignCommand) -> CampaignStatus? {
        switch (command, self) {
        case (.start, .draft), (.start, .stopped), (.start, .paused): return .running
        case (.pause, .running): return .paused
        case (.resume, .paused): return .running
        case (.stop, .running), (.stop, .paused): return .stopped
        default: return nil
        }
    }

    /// Whether a runner should be dialing or holding calls for this campaign.
    public var isActive: Bool { self == .running || self == .paused }
}

/// What a supervisor can tell a campaign to do.
public enum CampaignCommand: String, Codable, CaseIterable, Sendable {
    case start, pause, resume, stop
}
