import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CPU time and resident memory of this process, for the calls benchmark.
struct ProcessUsage {
    var wall: Double
    var cpuSeconds: Double
    var residentKiB: Int

    static func now() -> ProcessUsage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return ProcessUsage(wall: Date().timeIntervalSince1970, cpuSeconds: cpu, residentKiB: residentKiB())
    }

    /// Resident set size from /proc/self/statm (pages → KiB); 0 where there is no /proc.
    static func residentKiB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }
}
