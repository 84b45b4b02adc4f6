import Foundation

/// The result of `waihu bench pacing`: one row per point, printable and encodable as JSON.
public struct PacingBenchmarkReport: Codable, Sendable, Equatable {
    public var cap: Double
    public var hours: Double
    public var shiftsPerPoint: Int
    public var points: [PacingBenchmarkPoint]
    public var allPass: Bool { points.allSatisfy(\.passes) }

    /// A fixed-width table for the terminal.
    public var textTable: String {
        func pct(_ x: Double) -> String { String(format: "%5.1f%%", x * 100) }
        var lines = [
            "agents answer | busy occ  progr  target | talk occ | wait mean  p90 | abandon  max   >cap | contacts/h dials/contact | occ  ab  ≥prog",
        ]
        for p in points {
            let target = p.targetBusyOccupancy.map(pct) ?? "     –"
            let occ = p.meetsOccupancyTarget.map { $0 ? "ok" : "FAIL" } ?? "n/a"
            lines.append(String(
                format: "%6d  %4.2f  | %@ %@ %@ |  %@  | %6.1fs %5.1fs | %@ %@ %3d/%d | %9.1f %9.2f     | %@ %@ %@",
                p.agents, p.answerProbability, pct(p.busyOccupancy), pct(p.progressiveBusyOccupancy), target,
                pct(p.talkOccupancy), p.meanWait, p.p90Wait, pct(p.abandonRate), pct(p.maxShiftAbandonRate),
                p.shiftsOverCap, p.shifts, p.contactsPerAgentHour, p.dialsPerContact,
                occ.padding(toLength: 4, withPad: " ", startingAt: 0),
                (p.meetsAbandonTarget ? "ok" : "FAIL").padding(toLength: 4, withPad: " ", startingAt: 0),
                p.meetsProgressiveFloor ? "ok" : "FAIL"))
        }
        lines.append(allPass ? "All targets met." : "Some targets missed.")
        return lines.joined(separator: "\n")
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
