import Foundation
import WaihuDomain

/// What one campaign call did, for every mode: the customer leg's report (outcome and
/// failure reason, SIP status, ring and listening seconds, keys, recording), the agent who
/// talked to the customer, and how long. An agent campaign's customer goes to an agent at
/// once; a voice broadcast's only after pressing a transfer key. The one finished-call type
/// between the runners and the call log, which turns it into a `CallAttemptRecord`.
public struct CampaignCallResult: Sendable {
    public let lead: CampaignLead
    public let customer: CallReport
    /// The phone of the agent who talked to the customer, if one did.
    public let agentPhone: String?
    /// The agent leg's report, when the customer was put through to a phone (a broadcast's transfer).
    public let agentLeg: CallReport?
    /// A broadcast's customer pressed a transfer key (press 1 for an agent).
    public let wantedAgent: Bool
    /// Answered, but no agent took the customer within the grace: counts against the abandon cap.
    public let abandoned: Bool
    /// Seconds the customer and the agent were connected (通话时长).
    public let talkSeconds: Double
    public let placedAt: Date
    public let endedAt: Date

    public init(lead: CampaignLead, customer: CallReport, agentPhone: String? = nil, agentLeg: CallReport? = nil,
                wantedAgent: Bool = false, abandoned: Bool = false, talkSeconds: Double = 0, placedAt: Date, endedAt: Date) {
        self.lead = lead
        self.customer = customer
        self.agentPhone = agentPhone
        self.agentLeg = agentLeg
        self.wantedAgent = wantedAgent
        self.abandoned = abandoned
        self.talkSeconds = talkSeconds
        self.placedAt = placedAt
        self.endedAt = endedAt
    }

    /// How the call ended, as the events and the lead's lifecycle record it: an answered
    /// customer nobody took is abandoned (放弃).
    public var outcome: CallOutcome {
        abandoned && customer.outcome == .answered ? .abandoned : customer.outcome
    }

    /// The call's fate for the lead's lifecycle: the outcome above with the customer leg's
    /// cause and evidence.
    public var verdict: CallProgressVerdict {
        CallProgressVerdict(outcome: outcome, cause: customer.cause,
                            evidence: customer.evidence.isEmpty ? [] : customer.evidence.components(separatedBy: "; "))
    }
}
