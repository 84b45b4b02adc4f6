import Foundation
import Vapor
import WaihuDialer
import WaihuDomain

extension CampaignCenter {
    /// One event of an agent's state machine, moved where the machine lives: by the
    /// campaign's runner when it has one (the runner reserves agents for customers and tells
    /// the seat board), else by the seat board. The machine decides; a refused move is a 409 with its
    /// reason ("you are on a call").
    func moveAgent(_ seat: SeatBoard.Seat, _ event: @Sendable (inout AgentStateMachine) throws -> [AgentAction]) async throws {
        do {
            if let runner = agentRunner(seat.campaignID) {
                try await runner.moveAgent(phone: seat.phone, event)
            } else {
                try seatBoard.move(seat.username, event)
            }
        } catch let error as AgentTransitionError {
            throw Abort(.conflict, reason: error.description)
        }
    }

    /// Logs an agent out (a supervisor may force it): the previewed lead goes back to the
    /// queue, and a seat its runner no longer knows (the campaign ended meanwhile) leaves
    /// from the seat board.
    func logOutAgent(_ username: String, bySupervisor: Bool = false) async {
        guard let seat = seatBoard.seat(of: username) else { return }
        if let lead = seat.previewLead { try? await CampaignCallLog.releaseClaim(callID: lead.callID, on: application.db) }
        let now = Date()
        let logOut: @Sendable (inout AgentStateMachine) throws -> [AgentAction] = {
            bySupervisor ? try $0.supervisorForcesLogOut(at: now) : try $0.logOut(at: now)
        }
        try? await moveAgent(seat, logOut)
        _ = try? seatBoard.move(username, logOut)
    }
}
