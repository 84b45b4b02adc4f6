import Foundation

/// What happens to a campaign's lead after a call or a disposition: its next state, when it
/// may be dialed again, and what the lead itself becomes. Pure rules, so the dialer, the
/// crash recovery and the tests agree.
public struct CallSettlement: Sendable, Equatable {
    public var state: CampaignLeadState
    /// Not before this time (a retry delay or a callback); nil when due at once or done.
    public var nextDialAt: Date?
    /// The lead's new status, when the call or disposition changes it.
    public var leadStatus: LeadStatus?

    public init(state: CampaignLeadState, nextDialAt: Date? = nil, leadStatus: LeadStatus? = nil) {
        self.state = state
        self.nextDialAt = nextDialAt
        self.leadStatus = leadStatus
    }

    /// The dialing rules' view of how a call ended: busy and rejected wait the busy delay,
    /// an abandoned customer (reached, but no agent was free) too; a system failure says
    /// nothing about the number and waits the short network-failure delay.
    public static func dialOutcome(of outcome: CallOutcome) -> DialOutcome {
        switch outcome {
        case .answered: return .liveAnswer
        case .busy, .rejected, .abandoned: return .busy
        case .noAnswer: return .noAnswer
        case .invalid: return .vacant
        case .machine: return .machine
        case .failed: return .networkFailure
        }
    }

    /// After a call ended. `connectedToAgent`: an agent campaign's customer reached an agent,
    /// whose disposition settles the lead. A voice-broadcast call a customer answered is done:
    /// the ad was delivered (a transfer to an agent is recorded with the call).
    public static func afterCall(_ outcome: CallOutcome, mode: DialMode, connectedToAgent: Bool, retry: RetryPolicy,
                                 at time: Date) -> CallSettlement {
        switch outcome {
        case .invalid:
            // 空号: the list is cleaned as a side effect.
            return CallSettlement(state: .done, leadStatus: .invalid)
        case .answered where mode == .broadcast:
            return CallSettlement(state: .done, leadStatus: .contacted)
        case .answered where connectedToAgent:
            return CallSettlement(state: .wrapUp, leadStatus: .contacted)
        default:
            let delay = retry.delay(after: dialOutcome(of: outcome == .answered ? .abandoned : outcome)) ?? 0
            return CallSettlement(state: .waiting, nextDialAt: time.addingTimeInterval(delay),
                                  leadStatus: outcome == .answered || outcome == .abandoned ? .contacted : nil)
        }
    }

    /// After the agent's disposition. A callback is dialed at its time; an undecided customer
    /// after the no-answer delay; a closing disposition ends the lead in this campaign.
    public static func afterDisposition(_ disposition: CampaignDisposition, callbackAt: Date?, retry: RetryPolicy,
                                        at time: Date) -> CallSettlement {
        if let callbackAt {
            return CallSettlement(state: .waiting, nextDialAt: max(callbackAt, time), leadStatus: .contacted)
        }
        if disposition.closesLead {
            return CallSettlement(state: .done, leadStatus: disposition.leadStatus)
        }
        return CallSettlement(state: .waiting, nextDialAt: time.addingTimeInterval(retry.noAnswer),
                              leadStatus: disposition.leadStatus)
    }

    /// After waihu stopped with the call in flight (a crash, kill -9, power loss): the call
    /// died with the process, so the attempt counts as failed and the lead waits the
    /// network-failure delay; a carrier that still rang the customer will not see a second
    /// call from us at once.
    public static func afterInterruptedCall(retry: RetryPolicy, at time: Date) -> CallSettlement {
        CallSettlement(state: .waiting, nextDialAt: time.addingTimeInterval(retry.networkFailure))
    }
}
