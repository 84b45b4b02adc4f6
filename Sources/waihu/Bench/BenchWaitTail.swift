import Foundation
import WaihuDialer

/// The tail of `waihu bench campaign`'s waits between calls (issue 18): percentiles, each wait
/// over `longWait` with its cause from the pacing trace, and the abandon rate window by window.
struct BenchWaitTail {
    /// One agent's ready interval: the wait between two calls.
    struct Wait {
        var agent: String
        var phone: String
        var start: Date
        var end: Date
        var seconds: Double { end.timeIntervalSince(start) }
    }

    struct LongWait {
        var wait: Wait
        /// nil without a trace to read it from.
        var cause: PacingTraceWaitCause?
    }

    static let longWait = 20.0
    static let abandonWindow = 300.0

    var waits: [Wait]
    var pacing: BenchPacingTrace?
    var window: ClosedRange<Date>

    /// The `fraction` percentile by nearest rank; nil with no wait.
    func percentile(_ fraction: Double) -> Double? {
        let sorted = waits.map(\.seconds).sorted()
        guard !sorted.isEmpty else { return nil }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    var mean: Double? { waits.isEmpty ? nil : waits.map(\.seconds).reduce(0, +) / Double(waits.count) }

    /// The waits over `longWait`, in the order they began, each with its cause.
    var longWaits: [LongWait] {
        waits.filter { $0.seconds > Self.longWait }.sorted { $0.start < $1.start }.map { wait in
            LongWait(wait: wait, cause: pacing.map {
                PacingTraceWaitCause.of(waitFrom: wait.start.timeIntervalSince1970, to: wait.end.timeIntervalSince1970,
                                        agentPhone: wait.phone, samples: $0.samples, connections: $0.connections,
                                        longWait: Self.longWait)
            })
        }
    }

    /// The measured window in 5-minute stretches (the last one shorter), from the trace's counts.
    var abandonWindows: [PacingTraceAbandonWindow] {
        guard let pacing else { return [] }
        return PacingTraceAbandonWindow.windows(pacing.samples, from: window.lowerBound.timeIntervalSince1970,
                                                to: window.upperBound.timeIntervalSince1970, length: Self.abandonWindow)
    }

    /// Whether every window's abandon rate is at most `cap`; false without a trace.
    func windowsHold(cap: Double) -> Bool {
        pacing != nil && abandonWindows.allSatisfy { ($0.rate ?? 0) <= cap }
    }

    /// The long waits, one a line, then how many each cause explains, then the windows.
    func text(cap: Double) -> String {
        func clock(_ seconds: Double) -> String {
            let whole = Int(seconds.rounded(.down))
            return (seconds < 0 ? "-" : "") + String(format: "%d:%02d", abs(whole) / 60, abs(whole) % 60)
        }
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f %%", 100 * $0) } ?? "–" }
        var parts: [String] = []
        let long = longWaits
        if long.isEmpty {
            parts.append("no wait over \(Int(Self.longWait)) s")
        } else {
            parts.append("waits over \(Int(Self.longWait)) s (start: minutes into the measured window)")
            parts.append(TextTable.render(header: ["AGENT", "START", "SECONDS", "CAUSE"], rows: long.map {
                [$0.wait.agent, clock($0.wait.start.timeIntervalSince(window.lowerBound)), String(format: "%.1f", $0.wait.seconds),
                 $0.cause?.label ?? "unknown (no pacing trace)"]
            }))
            var rows = PacingTraceWaitCause.allCases.map { cause in [cause.label, String(long.filter { $0.cause == cause }.count)] }
            let unknown = long.filter { $0.cause == nil }.count
            if unknown > 0 { rows.append(["unknown (no pacing trace)", String(unknown)]) }
            parts.append(TextTable.render(header: ["CAUSE", "WAITS"], rows: rows))
        }
        if pacing == nil {
            parts.append("abandon rate by 5 minutes: no pacing trace")
        } else {
            parts.append(TextTable.render(header: ["5-MINUTE WINDOW", "LIVE ANSWERS", "ABANDONED", "ABANDON RATE", "WITHIN CAP"],
                                          rows: abandonWindows.map { window in
                [clock(window.start - self.window.lowerBound.timeIntervalSince1970) + "–"
                    + clock(window.end - self.window.lowerBound.timeIntervalSince1970),
                 String(window.liveAnswers), String(window.abandoned), percent(window.rate),
                 (window.rate ?? 0) <= cap ? "yes" : "no"]
            }))
        }
        return parts.joined(separator: "\n\n")
    }
}
