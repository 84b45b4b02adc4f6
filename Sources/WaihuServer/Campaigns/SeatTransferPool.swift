import Fluent
import Foundation
import Logging
import WaihuDialer
import WaihuDomain

/// The agents a voice-broadcast caller who pressed 1 can reach: those logged in to the
/// campaign and ready, the one ready longest first. Claiming reserves the agent and pops the
/// lead on their desktop; after the talk the agent is in wrap-up until the disposition is
/// saved or the campaign's wrap-up limit passes. Every move is the agent state machine's,
/// through the seat board (a broadcast campaign has no agent runner).
struct SeatTransferPool: TransferAgentPool {
    let seatBoard: SeatBoard
    let campaignID: Int
    let campaignName: String
    let script: String
    let wrapUp: Duration
    let database: Database
    let logger: Logger

    func claimAgent(for lead: CampaignLead) async -> String? {
        let seat = seatBoard.reserveLongestReady(campaign: campaignID)
        logger.info("press-1 caller", metadata: ["lead": .string("\(lead.id)"), "agent": .string(seat?.username ?? "none free")])
        guard let seat else { return nil }
        // The runner rings the phone as soon as it has the extension.
        _ = try? seatBoard.move(seat.username) { try $0.phoneRinging(at: Date()) }
        if let call = try? await DesktopCall.load(leadID: Int(lead.id), callID: lead.callID, campaignID: campaignID, script: script,
                                              agentName: seat.displayName, preview: false, on: database) {
            seatBoard.update(seat.username) { $0.call = call }
        }
        return seat.phone
    }

    func agentAnswered(_ phoneExtension: String) async {
        guard let seat = seatBoard.seat(ofPhone: phoneExtension) else { return }
        _ = try? seatBoard.move(seat.username) { try $0.answered(at: Date()) }
    }

    func releaseAgent(_ phoneExtension: String, talked: Bool) async {
        logger.info("press-1 call with the agent ended", metadata: ["phone": .string(phoneExtension), "talked": .string("\(talked)")])
        guard let seat = seatBoard.seat(ofPhone: phoneExtension) else { return }
        guard talked else {
            guard (try? seatBoard.move(seat.username, { try $0.phoneNotAnswered(at: Date()) })) != nil else { return }
            seatBoard.update(seat.username) { $0.call = nil }
            return
        }
        seatBoard.update(seat.username) { $0.call?.ended_at = Date() }
        guard let moved = try? seatBoard.move(seat.username, { try $0.callEnded(at: Date()) }),
              moved.actions.contains(.startWrapUpTimer) else { return }
        let limit = wrapUp
        let seatBoard = self.seatBoard
        let began = moved.seat.since
        Task {
            try? await Task.sleep(for: limit)
            // Only this wrap-up: a later call's wrap-up has its own timer.
            _ = try? seatBoard.move(seat.username) { $0.since == began ? $0.wrapUpTimerEnded(at: Date()) : [] }
        }
    }
}
