import Foundation
import Vapor
import WaihuDialer

extension CampaignController {
    /// `?since=UNIX` (seconds): the pacer's status and the campaign's pacing trace, from that
    /// moment on (the whole two hours without it). 404 for an unknown campaign.
    func pacing(_ req: Request) async throws -> CampaignPacingView {
        guard let id = req.parameters.get("campaignID", as: Int.self) else { throw Abort(.notFound, reason: "no such campaign") }
        _ = try await CampaignAdministration(database: req.db, actor: req.auditActor,
                                             dataDirectory: req.application.waihuSettings.dataDirectory).record(id, on: req.db)
        var since: Date?
        if let text = req.query[String.self, at: "since"], !text.isEmpty {
            guard let seconds = Double(text), seconds.isFinite else {
                throw Abort(.badRequest, reason: "since: '\(text)' is not a unix time in seconds")
            }
            since = Date(timeIntervalSince1970: seconds)
        }
        guard let runner = await req.application.campaignCenter?.agentRunner(id) else { return .notRunning }
        let trace = await runner.pacingTrace(since: since)
        return CampaignPacingView(running: true, status: await runner.pacerStatus(), samples: trace.samples,
                                  connections: trace.connections)
    }
}
