import Foundation

/// One move of a lead in a campaign, as `CampaignLeadLifecycle` decides it: the state it
/// must be in (the store writes the move only if it still is, so two dialers or a late call
/// result can never undo each other), the state it goes to, and what else changes.
public struct CampaignLeadStep: Sendable, Equatable {
    public var from: CampaignLeadState
    public var to: CampaignLeadState
    public var actions: [CampaignLeadAction]

    public init(from: CampaignLeadState, to: CampaignLeadState, actions: [CampaignLeadAction] = []) {
        self.from = from
        self.to = to
        self.actions = actions
    }

    /// The time the lead may be dialed again, when the step schedules one.
    public var nextDialAt: Date? {
        for action in actions {
            switch action {
            case .scheduleRetry(let at), .putOff(let at): return at
            case .scheduleCallback(let at, _): return at
            default: continue
            }
        }
        return nil
    }

    /// Why the lead is done, when the step settles it.
    public var doneReason: CampaignLeadDoneReason? {
        for case .settle(let reason) in actions { return reason }
        return nil
    }

    /// The lead's own status (across campaigns), when the step changes it.
    public var leadStatus: LeadStatus? {
        for case .setLeadStatus(let status) in actions { return status }
        return nil
    }
}

/// What a move of a lead does besides changing its state.
public enum CampaignLeadAction: Sendable, Equatable {
    /// Place a call: the attempt is counted (in all and today) and the lead is claimed.
    case dial
    /// Dial again after a retry delay (busy, no answer, a failed or interrupted call).
    case scheduleRetry(at: Date)
    /// Not dialable yet for a reason that is not a call's result (daily limit, renewal date
    /// still far away): wait until then without counting anything.
    case putOff(until: Date)
    /// 预约回访: dial at this time; `agent` set for a personal callback (个人预约), which
    /// is offered to that agent first.
    case scheduleCallback(at: Date, agent: String?)
    /// Wait for the agent's disposition (后处理).
    case awaitDisposition
    /// Done in this campaign.
    case settle(CampaignLeadDoneReason)
    /// The lead itself becomes this (空号 → invalid, a sale → success …).
    case setLeadStatus(LeadStatus)
    /// The claim is given back as if never made (a previewed lead the agent skipped): the
    /// attempt does not count.
    case giveBackAttempt
    /// The call died with the process: it is recorded as a failed attempt.
    case recordFailedAttempt
    /// A call to the customer was made: a callback the lead waited for, if any, is kept.
    case closeCallback
    /// The call found the phone switched off or out of coverage: the lead's run of such
    /// results is now this.
    case noteUnreachable(UnreachableStreak)
}
