import Foundation

/// CPU time of the calling thread, in seconds: what a benchmark's single-threaded loop
/// really cost, whatever else the machine was doing.
enum ThreadCPUTime {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
