import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CPU time and peak memory of another process (waihu serve under the bench), from /proc.
struct ChildProcessUsage {
    var wall: Date
    /// User + system CPU seconds so far.
    var cpuSeconds: Double
    /// Peak resident set (VmHWM), KiB.
    var peakResidentKiB: Int

    /// nil where there is no /proc or the process is gone.
    static func read(pid: Int32) -> ChildProcessUsage? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After "pid (comm) ": state is field 3, utime 14 and stime 15 (proc(5)).
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var peak = 0
        if let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) {
            peak = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return ChildProcessUsage(wall: Date(), cpuSeconds: (user + system) / ticks, peakResidentKiB: peak)
    }

    /// Percent of one core used between `earlier` and `self`.
    func cpuPercent(since earlier: ChildProcessUsage) -> Double {
        let wallSeconds = wall.timeIntervalSince(earlier.wall)
        return wallSeconds > 0 ? 100 * (cpuSeconds - earlier.cpuSeconds) / wallSeconds : 0
    }

    /// The 1-minute load average, to say how busy the machine was.
    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    }
}
