import Foundation
import WaihuDialer

/// The measured campaign's pacing trace as GET /api/v1/campaigns/:id/pacing returns it,
/// read when the measured window closes (the trace goes with the runner once it is stopped).
struct BenchPacingTrace: Decodable {
    var running: Bool
    var samples: [PacingTraceSample]
    var connections: [PacingTraceConnection]
}
