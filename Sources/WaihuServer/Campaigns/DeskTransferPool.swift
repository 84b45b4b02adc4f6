import Fluent
import Foundation
import Logging
import WaihuDialer
import WaihuDomain

/// The agents a voice-broadcast caller who pressed 1 can reach: those logged in to the
/// campaign and ready, the one ready longest first. Claiming pops the lead on the agent's
/// desktop; after the talk the agent is in wrap-up until the disposition is saved or the
/// campaign's wrap-up limit passes.
struct DeskTransferPool: TransferAgentPool {
    let desk: AgentDesk
    let campaignID: Int
    let campaignName: String
    let script: String
    let wrapUp: Duration
    let database: Database
    let logger: Logger

    func claimAgent(for lead: CampaignLead) async -> String? {
        let seat = desk.takeReady(campaign: campaignID)
        logger.info("press-1 caller", metadata: ["lead": .string("\(lead.id)"), "agent": .string(seat?.username ?? "none free")])
        if let seat {
            if let call = try? await DeskCall.load(leadID: Int(lead.id), callID: lead.callID, campaignID: campaignID, script: script,
                                                  agentName: seat.displayName, preview: false, on: database) {
                desk.update(seat.username) { $0.call = call }
            }
            return seat.phone
        }
        return nil
    }

    func releaseAgent(_ phoneExtension: String, talked: Bool) async {
        logger.info("press-1 call with the agent ended", metadata: ["phone": .string(phoneExtension), "talked": .string("\(talked)")])
        guard let seat = desk.seat(ofPhone: phoneExtension), seat.state == .onCall else { return }
        guard talked else {
            desk.update(seat.username) { $0.call = nil }
            desk.set(seat.username, .notReady, reason: .systemIssue)
            return
        }
        desk.update(seat.username) { $0.call?.ended_at = Date() }
        desk.set(seat.username, .wrapUp)
        let limit = wrapUp
        let desk = self.desk
        Task {
            try? await Task.sleep(for: limit)
            if let now = desk.seat(of: seat.username), now.state == .wrapUp {
                desk.set(seat.username, now.notReadyAfterCall == nil ? .ready : .notReady, reason: now.notReadyAfterCall)
            }
        }
    }
}
