import Foundation
import WaihuDomain

/// The figures of one `waihu bench campaign` run and its aims. A cold run (a campaign with no
/// history) is held to issue 8's: a mean wait between calls under 15 s with the abandon rate
/// under the cap (3 %). A warm run (`--warm`: measured on a second campaign after a first on
/// the same lists) is held to issue 18's: a mean wait ≤ 10 s, the 90th percentile ≤ 20 s, and
/// the abandon rate ≤ the cap over the run and in every 5-minute window. Both are printed.
struct BenchCampaignReport {
    /// One agent's states as it saw them, polling its desk.
    struct Timeline {
        var agent: String
        var phone: String
        var intervals: [BenchAgent.Interval]
    }

    var agents: Int
    var minutes: Double
    var answerRate: Double
    /// Minutes of the first campaign before the measured one; 0 for a cold run.
    var warmMinutes: Double
    /// Calls that ended (the campaign's call log), answered counting the abandoned ones.
    var placed: Int
    var answered: Int
    var abandoned: Int
    var timelines: [Timeline]
    var window: ClosedRange<Date>
    var dispositions: Int
    /// waihu serve over the measured window: % of one core, and its peak RSS (VmHWM).
    var cpuPercent: Double
    var peakResidentKiB: Int
    var loadAverage: String
    var abandonCap: Double
    /// The measured campaign's pacing trace when the window closed.
    var pacing: BenchPacingTrace?

    static let coldWaitAim = 15.0
    static let warmWaitAim = 10.0
    static let warmP90Aim = 20.0

    var isWarm: Bool { warmMinutes > 0 }

    /// 弃呼率: abandoned ÷ answered.
    var abandonRate: Double? { answered > 0 ? AbandonLedger.Day(abandons: Double(abandoned), liveAnswers: answered).rate : nil }

    /// Seconds in each state inside the measured window, over all agents.
    var secondsByState: [String: Double] {
        var seconds: [String: Double] = [:]
        for interval in timelines.flatMap(\.intervals) {
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

    /// The ready intervals that ended inside the window (the agents' waits between calls) and what the trace says of them.
    var tail: BenchWaitTail {
        let waits = timelines.flatMap { timeline in
            timeline.intervals.filter { $0.state == "ready" && window.contains($0.end) }.map {
                BenchWaitTail.Wait(agent: timeline.agent, phone: timeline.phone, start: $0.start, end: $0.end)
            }
        }
        return BenchWaitTail(waits: waits, pacing: pacing, window: window)
    }

    /// Issue 8's aims (a cold run's exit status).
    var coldAimsHold: Bool {
        guard let mean = tail.mean, let abandonRate else { return false }
        return mean < Self.coldWaitAim && abandonRate < abandonCap
    }

    /// Issue 18's aims (a warm run's exit status).
    var warmAimsHold: Bool {
        let tail = self.tail
        guard let mean = tail.mean, let p90 = tail.percentile(0.9), let abandonRate else { return false }
        return mean <= Self.warmWaitAim && p90 <= Self.warmP90Aim && abandonRate <= abandonCap && tail.windowsHold(cap: abandonCap)
    }

    /// The exit status: 0 when the aims of this kind of run hold.
    var aimsHold: Bool { isWarm ? warmAimsHold : coldAimsHold }

    /// Whether the measured campaign's pacer said it started from history (its first sample).
    var pacerStartedWarm: Bool? { pacing?.samples.first?.status.warmStart }

    var text: String {
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f %%", 100 * $0) } ?? "–" }
        func seconds(_ value: Double?) -> String { value.map { String(format: "%.1f s", $0) } ?? "–" }
        func yes(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "no" }
        let tail = self.tail
        let mean = tail.mean, p90 = tail.percentile(0.9)
        let kind = isWarm
            ? String(format: "warm: a new campaign after %.1f min of a first one on the same lists and team", warmMinutes)
            : "cold: a campaign with no history"
        let rows: [[String]] = [
            ["run", kind],
            ["pacer started from history", pacerStartedWarm.map { $0 ? "yes" : "no" } ?? "–"],
            ["agents", String(agents)],
            ["minutes measured", String(format: "%.1f", minutes)],
            ["answer rate (leads)", percent(answerRate)],
            ["calls placed", String(placed)],
            ["answered", String(answered)],
            ["abandoned", String(abandoned)],
            ["abandon rate", percent(abandonRate) + " (cap \(percent(abandonCap)))"],
            ["agent occupancy", percent(occupancy)],
            ["mean wait between calls", seconds(mean)],
            ["wait p50 / p90 / p99", [0.5, 0.9, 0.99].map { seconds(tail.percentile($0)) }.joined(separator: " / ")],
            ["waits measured (over 20 s)", "\(tail.waits.count) (\(tail.waits.filter { $0.seconds > BenchWaitTail.longWait }.count))"],
            ["dispositions saved", String(dispositions)],
            ["waihu serve CPU", String(format: "%.1f %% of one core", cpuPercent)],
            ["waihu serve peak RSS", String(format: "%.1f MiB", Double(peakResidentKiB) / 1024)],
            ["load average at the end", loadAverage],
            ["aim (issue 8): mean wait < 15 s", yes(mean.map { $0 < Self.coldWaitAim })],
            ["aim (issue 8): abandon rate < cap", yes(abandonRate.map { $0 < abandonCap })],
            ["aim (issue 18): mean wait 10 s or less", yes(mean.map { $0 <= Self.warmWaitAim })],
            ["aim (issue 18): p90 wait 20 s or less", yes(p90.map { $0 <= Self.warmP90Aim })],
            ["aim (issue 18): abandon within cap, run and 5-min windows",
             yes(abandonRate.map { $0 <= abandonCap && tail.windowsHold(cap: abandonCap) })],
            ["exit status follows", isWarm ? "issue 18's aims (warm run)" : "issue 8's aims (cold run)"],
        ]
        return TextTable.render(header: ["FIGURE", "VALUE"], rows: rows) + "\n\n" + tail.text(cap: abandonCap)
    }
}
