import Foundation

/// A lead's life in a campaign, the one place its moves are decided:
///
/// ```
/// waiting ──dial──▶ dialing ──answered, to an agent──▶ wrap_up ──disposition──▶ done / waiting (callback, retry)
///    │                 │ busy, no answer, failed ──▶ waiting (retry delay)
///    │                 │ vacant, broadcast heard, limit ──▶ done
///    │                 │ crash ──▶ waiting (network-failure delay) ; preview skipped ──▶ waiting (attempt given back)
///    └─ refused at dial time ──▶ done (do-not-call, invalid, attempt limit) / waiting (later)
/// ```
///
/// Pure: each function takes what happened and returns a `CampaignLeadStep`; the server's
/// `CampaignLeadStore` writes it, guarded by `step.from`.
public struct CampaignLeadLifecycle: Sendable, Equatable {
    public var retry: RetryPolicy

    public init(retry: RetryPolicy = RetryPolicy()) {
        self.retry = retry
    }

    /// At dial time, from `waiting`: the dial gate's answer for the lead. Nil when nothing
    /// changes (the calling window is closed for every lead alike). `startOfTomorrow` is the
    /// center's next local midnight, when a daily attempt limit lifts.
    public func atDialTime(_ refusal: DialRefusal?, now: Date, startOfTomorrow: Date) -> CampaignLeadStep? {
        switch refusal {
        case nil:
            return CampaignLeadStep(from: .waiting, to: .dialing, actions: [.dial])
        case .outsideCallingWindow?:
            return nil
        case .doNotCall?:
            return CampaignLeadStep(from: .waiting, to: .done, actions: [.settle(.doNotCall)])
        case .attempts(.invalidNumber)?:
            return CampaignLeadStep(from: .waiting, to: .done, actions: [.settle(.invalidNumber)])
        case .attempts(.exhausted)?, .attempts(.eligible)?:
            return CampaignLeadStep(from: .waiting, to: .done, actions: [.settle(.attemptLimitReached)])
        case .attempts(.notBefore(let due))?:
            return CampaignLeadStep(from: .waiting, to: .waiting, actions: [.putOff(until: due)])
        case .attempts(.dailyLimitReached)?:
            return CampaignLeadStep(from: .waiting, to: .waiting, actions: [.putOff(until: startOfTomorrow)])
        case .renewalTooFarAway?:
            return CampaignLeadStep(from: .waiting, to: .waiting, actions: [.putOff(until: now.addingTimeInterval(86_400))])
        }
    }

    /// From `dialing`, when the call ended with `outcome` and nothing more is known of why
    /// (the simulator, calls recorded before causes existed): the outcome's usual cause.
    public func afterCall(_ outcome: CallOutcome, mode: DialMode, connectedToAgent: Bool, at time: Date) -> CampaignLeadStep {
        afterCall(CallProgressVerdict(outcome: outcome, cause: Self.usualCause(of: outcome), evidence: []),
                  mode: mode, connectedToAgent: connectedToAgent, at: time)
    }

    /// From `dialing`, when the call ended. `connectedToAgent`: an agent campaign's customer
    /// reached an agent, whose disposition settles the lead. A voice-broadcast call a
    /// customer answered is done: the ad was delivered. `unreachable`: the lead's run of
    /// 关机 / 无法接通 results before this call.
    ///
    /// By cause: 空号, 停机 and 改号 make the lead invalid everywhere (the list is cleaned as a
    /// side effect; a list manager can reset it); 呼入限制 ends it in this campaign only (the
    /// bar is on our caller ID); 关机 / 无法接通 wait `retry.unreachable` and make the lead
    /// invalid after `retry.unreachableAttempts` of them within `retry.unreachableDays`; a
    /// mailbox is a no-answer. A cleansing call settles every live number: it only checks.
    public func afterCall(_ verdict: CallProgressVerdict, mode: DialMode, connectedToAgent: Bool, at time: Date,
                          unreachable: UnreachableStreak = .none) -> CampaignLeadStep {
        let outcome = verdict.outcome
        switch (outcome, verdict.cause) {
        case (.invalid, _):
            // 空号: the list is cleaned as a side effect.
            return CampaignLeadStep(from: .dialing, to: .done, actions: [.closeCallback, .settle(.invalidNumber), .setLeadStatus(.invalid)])
        case (_, .barred):
            return CampaignLeadStep(from: .dialing, to: .done, actions: [.closeCallback, .settle(.invalidNumber)])
        case (_, .poweredOff), (_, .unreachable):
            let streak = unreachable.adding(at: time, windowDays: retry.unreachableDays)
            if streak.count >= retry.unreachableAttempts {
                return CampaignLeadStep(from: .dialing, to: .done, actions: [
                    .closeCallback, .noteUnreachable(streak), .settle(.invalidNumber), .setLeadStatus(.invalid),
                ])
            }
            if mode == .cleanse {
                // A number check does not wait days for a phone to come back on.
                return CampaignLeadStep(from: .dialing, to: .done, actions: [.closeCallback, .noteUnreachable(streak), .settle(.settled)])
            }
            return CampaignLeadStep(from: .dialing, to: .waiting, actions: [
                .closeCallback, .noteUnreachable(streak), .scheduleRetry(at: time.addingTimeInterval(retry.unreachable)),
            ])
        case (_, let cause) where mode == .cleanse && [.alerting, .busy, .human, .secretary].contains(cause):
            // The number is live: that is all a cleansing call wanted to know.
            return CampaignLeadStep(from: .dialing, to: .done, actions: [.closeCallback, .settle(.settled)])
        case (.answered, _) where mode == .broadcast:
            return CampaignLeadStep(from: .dialing, to: .done, actions: [.closeCallback, .settle(.settled), .setLeadStatus(.contacted)])
        case (.answered, _) where connectedToAgent:
            return CampaignLeadStep(from: .dialing, to: .wrapUp, actions: [.closeCallback, .awaitDisposition, .setLeadStatus(.contacted)])
        default:
            // An answered call nobody took is an abandoned customer: reached, called back later.
            let reached = outcome == .answered || outcome == .abandoned
            var retried = verdict
            if outcome == .answered { retried.outcome = .abandoned }
            let delay = retry.delay(after: retried) ?? 0
            var actions: [CampaignLeadAction] = [.closeCallback, .scheduleRetry(at: time.addingTimeInterval(delay))]
            if reached { actions.append(.setLeadStatus(.contacted)) }
            return CampaignLeadStep(from: .dialing, to: .waiting, actions: actions)
        }
    }

    /// The cause an outcome stands for when nothing more was heard.
    public static func usualCause(of outcome: CallOutcome) -> CallCause {
        switch outcome {
        case .answered, .abandoned: return .human
        case .busy: return .busy
        case .noAnswer: return .noAnswer
        case .invalid: return .vacant
        case .rejected: return .rejected
        case .machine: return .secretary
        case .failed: return .failed
        }
    }

    /// From `wrap_up`, after the agent's disposition. A callback is dialed at its time (a
    /// personal one offered to `personalAgent` first); an undecided customer after the
    /// no-answer delay; a closing disposition ends the lead in this campaign.
    public func afterDisposition(_ disposition: CampaignDisposition, callbackAt: Date?, personalAgent: String? = nil,
                                 at time: Date) -> CampaignLeadStep {
        if let callbackAt {
            return CampaignLeadStep(from: .wrapUp, to: .waiting, actions: [
                .scheduleCallback(at: max(callbackAt, time), agent: personalAgent), .setLeadStatus(.contacted),
            ])
        }
        if disposition.closesLead {
            return CampaignLeadStep(from: .wrapUp, to: .done, actions: [.settle(.settled), .setLeadStatus(disposition.leadStatus)])
        }
        return CampaignLeadStep(from: .wrapUp, to: .waiting, actions: [
            .scheduleRetry(at: time.addingTimeInterval(retry.noAnswer)), .setLeadStatus(disposition.leadStatus),
        ])
    }

    /// Whether a disposition may be saved for a lead in `state`, and if so whether it moves
    /// the lead: only an agent call's lead waits in `wrap_up`; a voice-broadcast lead was
    /// settled when the ad was heard, and its disposition (after a press-1 transfer) is only
    /// recorded.
    public func dispositionMovesLead(in state: CampaignLeadState) throws -> Bool {
        switch state {
        case .dialing: throw CampaignLeadLifecycleError.callStillUp
        case .wrapUp: return true
        case .waiting, .done: return false
        }
    }

    /// From `dialing`, after waihu stopped with the call in flight (a crash, kill -9, power
    /// loss): the call died with the process, so the attempt counts as failed and the lead
    /// waits the network-failure delay; a carrier that still rang the customer will not see a
    /// second call from us at once. A personal callback stays its agent's.
    public func afterCrash(at time: Date) -> CampaignLeadStep {
        CampaignLeadStep(from: .dialing, to: .waiting, actions: [
            .recordFailedAttempt, .scheduleRetry(at: time.addingTimeInterval(retry.networkFailure)),
        ])
    }

    /// From `dialing`, when an agent skipped a previewed lead without dialing: as if never claimed.
    public func afterPreviewSkipped() -> CampaignLeadStep {
        CampaignLeadStep(from: .dialing, to: .waiting, actions: [.giveBackAttempt])
    }
}

public enum CampaignLeadLifecycleError: Error, Equatable, CustomStringConvertible {
    case callStillUp

    public var description: String {
        switch self {
        case .callStillUp: return "the call is still up: save the disposition when it has ended"
        }
    }
}
