import Foundation

/// How `waihu simulate pacing` prints a run.
extension ShiftResult {
    public var textSummary: String {
        func row(_ name: String, _ m: ShiftMetrics) -> String {
            String(format: "%-12@ %6.1f%% %6.1f%% %7.1fs %6.1fs %6.2f%% (%d/%d) %8.1f %8.2f",
                   name, m.talkOccupancy * 100, m.busyOccupancy * 100, m.meanWait, m.p90Wait,
                   m.abandonRate * 100, m.abandons, m.liveAnswers, m.contactsPerAgentHour, m.dialsPerContact)
        }
        var lines = [
            String(format: "%d agents, answer %.0f%%, cap %.1f%%, %.1f h, seed %llu",
                   parameters.agents, parameters.answerProbability * 100, parameters.cap * 100, parameters.hours, parameters.seed),
            "pacer         talk occ busy occ wait mean    p90 abandon rate  contacts/h dials/contact",
            row(pacer.mode.rawValue, pacer),
        ]
        if let progressive, parameters.mode != .progressive { lines.append(row("progressive", progressive)) }
        return lines.joined(separator: "\n")
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
