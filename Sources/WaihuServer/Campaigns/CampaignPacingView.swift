import Vapor
import WaihuDialer

/// GET /api/v1/campaigns/:id/pacing: what the campaign's pacer is doing and its trace of the
/// last two hours (docs/campaigns.md, "Pacing trace"). A campaign not dialing on this server
/// (stopped, finished, a broadcast, or run by another server) has `running` false, no status
/// and empty arrays.
struct CampaignPacingView: Content {
    var running: Bool
    var status: PacerStatus?
    var samples: [PacingTraceSample]
    var connections: [PacingTraceConnection]

    static let notRunning = CampaignPacingView(running: false, status: nil, samples: [], connections: [])

    private enum CodingKeys: String, CodingKey { case running, status, samples, connections }

    // Written by hand so a campaign not running says `"status": null` rather than leaving it out.
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(running, forKey: .running)
        try container.encode(status, forKey: .status)
        try container.encode(samples, forKey: .samples)
        try container.encode(connections, forKey: .connections)
    }
}
