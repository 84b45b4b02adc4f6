import Foundation

/// The figures of one `waihu bench campaign` run and the aims of issue 8: a wait between
/// calls under 15 s with the abandon rate under the cap (3 %).
struct BenchCampaignReport {
    var agents: Int
    var minutes: Double
    var answerRate: Double
    /// Calls that ended (the campaign's call log), answered counting the abandoned ones.
    var placed: Int
    var answered: Int
    var abandoned: Int
    /// Each agent's states as it saw them, polling its desk.
    var timelines: [[BenchAgent.Interval]]
    var window: ClosedRange<Date>
    var dispositions: Int
    /// waihu serve over the measured window: % of one core, and its peak RSS (VmHWM).
    var cpuPercent: Double
    var peakResidentKiB: Int
    var loadAverage: String
    var abandonCap: Double

    static let waitAim = 15.0

    /// 弃呼率: abandoned ÷ answered.
    var abandonRate: Double? { answered > 0 ? Double(abandoned) / Double(answered) : nil }

    /// Seconds in each state inside the measured window, over all agents.
    var secondsByState: [String: Double] {
        var seconds: [String: Double] = [:]
        for interval in timelines.joined() {
            let start = max(interval.start, window.lowerBound), end = min(interval.end, window.upperBound)
            if end > start { seconds[interval.state, default: 0] += end.timeIntervalSince(start) }
        }
        return seconds
    }

    /// 占用率: (on call + wrap-up) ÷ logged-in time.
    var occupancy: Double? {
        let seconds = secondsByState
        let loggedIn = seconds.filter { $0.key != "logged_out" }.values.reduce(0, +)
        return loggedIn > 0 ? ((seconds["on_call"] ?? 0) + (seconds["wrap_up"] ?? 0)) / loggedIn : nil
    }

    /// The ready intervals that ended inside the window: the agents' waits between calls.
    var waits: [Double] {
        timelines.joined().filter { $0.state == "ready" && window.contains($0.end) }.map { $0.end.timeIntervalSince($0.start) }
    }

    var meanWait: Double? { waits.isEmpty ? nil : waits.reduce(0, +) / Double(waits.count) }

    var aimsHold: Bool {
        guard let meanWait, let abandonRate else { return false }
        return meanWait < Self.waitAim && abandonRate < abandonCap
    }

    var text: String {
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f %%", 100 * $0) } ?? "–" }
        let sortedWaits = waits.sorted()
        let p90 = sortedWaits.isEmpty ? nil : sortedWaits[min(sortedWaits.count - 1, Int(Double(sortedWaits.count) * 0.9))]
        let rows: [[String]] = [
            ["agents", String(agents)],
            ["minutes measured", String(format: "%.1f", minutes)],
            ["answer rate (leads)", percent(answerRate)],
            ["calls placed", String(placed)],
            ["answered", String(answered)],
            ["abandoned", String(abandoned)],
            ["abandon rate", percent(abandonRate) + " (cap \(percent(abandonCap)))"],
            ["agent occupancy", percent(occupancy)],
            ["mean wait between calls", meanWait.map { String(format: "%.1f s", $0) } ?? "–"],
            ["90th percentile wait", p90.map { String(format: "%.1f s", $0) } ?? "–"],
            ["waits measured", String(waits.count)],
            ["dispositions saved", String(dispositions)],
            ["waihu serve CPU", String(format: "%.1f %% of one core", cpuPercent)],
            ["waihu serve peak RSS", String(format: "%.1f MiB", Double(peakResidentKiB) / 1024)],
            ["load average at the end", loadAverage],
            ["aim: wait < 15 s", meanWait.map { $0 < Self.waitAim ? "yes" : "no" } ?? "no"],
            ["aim: abandon rate < cap", abandonRate.map { $0 < abandonCap ? "yes" : "no" } ?? "no"],
        ]
        return TextTable.render(header: ["FIGURE", "VALUE"], rows: rows)
    }
}
