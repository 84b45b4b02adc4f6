import Foundation

/// The figures of one `waihu bench web` run (issue 27): what a shift's start does to the web
/// side of `waihu serve` — accounts, logins, pushes to desks and wallboards, the lead list.
struct BenchWebReport: Codable {
    struct Creation: Codable {
        var users: Int
        var concurrency: Int
        var outcomes: BenchWebOutcomes
        var timing: BenchWebTiming
        var totalSeconds: Double
        /// Failed in the measured run, created by a later try one at a time.
        var createdOnRetry: Int
        /// Failed in the measured run, yet stored: the later try got 409.
        var existedOnRetry: Int
    }

    struct LoginBurst: Codable {
        var users: Int
        /// The first reply of each login.
        var outcomes: BenchWebOutcomes
        var timing: BenchWebTiming
        /// Until the slowest first reply.
        var totalSeconds: Double
        /// Asked to retry (503 with Retry-After), came back after the time named.
        var retriedAfterBeingAsked: Int
        /// Until the last account had its token, retries included; nil if some had to log in again afterwards.
        var allLoggedInSeconds: Double?
        /// Failed (not asked to retry) and logged in afterwards, a few at a time, not measured.
        var loggedInLater: Int
        /// One bcrypt check of the accounts' passwords, timed in the bench's process, and what
        /// `users` checks need at the least on every core: the burst cannot end sooner.
        var checkSeconds: Double
        var cpuFloorSeconds: Double
    }

    struct Streams: Codable {
        var desks: Int
        var wallboards: Int
        var withFirstEvent: Int
        /// Streams without a first event, by why.
        var failures: [String: Int]
        /// From the stream's request to its first event.
        var firstEvent: BenchWebTiming
    }

    struct Push: Codable {
        var what: String
        var streams: Int
        /// The API request that made the change, until its reply.
        var requestSeconds: Double
        /// From sending the request to each stream's first event that shows the change.
        var timing: BenchWebTiming
        var withinOneSecond: Int
        /// Streams that did not show the change within `BenchWebPushes.patience` seconds.
        var never: Int
        /// Events that arrived after the request but did not show the change yet (all streams).
        var eventsWithoutTheChange: Int
    }

    struct Quiet: Codable {
        var seconds: Double
        var streams: Int
        /// Events on the desk streams, and on the wallboards' streams.
        var deskEvents: Int
        var figuresEvents: Int
        var comments: Int
        var bytes: Int
    }

    struct LeadsLoad: Codable {
        var connections: Int
        var seconds: Double
        var requests: Int
        /// 2xx replies per second.
        var perSecond: Double
        var timing: BenchWebTiming
        var outcomes: BenchWebOutcomes
    }

    var database: String
    var leads: Int
    var creation: Creation
    var loginBurst: LoginBurst
    var streams: Streams
    var campaignStart: Push
    var campaignStop: Push
    var eventImport: Push
    var quiet: Quiet?
    var leadsLoad: [LeadsLoad]
    /// waihu serve over the whole run: % of one core, and its peak RSS (VmHWM).
    var serveCPUPercent: Double?
    var servePeakResidentMiB: Double?
    var loadAverage: String

    /// What issue 27 asks of a shift's start; each one missed, in words.
    var missedAims: [String] {
        var missed: [String] = []
        if creation.outcomes.failures > 0 { missed.append("user creation had \(creation.outcomes.failures) errors") }
        if loginBurst.outcomes.serverErrors > 0 { missed.append("the login burst had \(loginBurst.outcomes.serverErrors) 5xx replies") }
        if streams.withFirstEvent < streams.desks + streams.wallboards { missed.append("not every stream got its first event") }
        for push in [campaignStart, campaignStop, eventImport] where push.never > 0 {
            missed.append("\(push.what) never reached \(push.never) of \(push.streams) streams")
        }
        for load in leadsLoad where load.outcomes.failures > 0 {
            missed.append("GET leads at \(load.connections) connections had \(load.outcomes.failures) errors")
        }
        return missed
    }

    var text: String {
        func seconds(_ value: Double?) -> String { BenchWebTiming.duration(value) }
        func push(_ push: Push) -> [String] {
            [push.what, push.timing.text, "\(push.withinOneSecond) of \(push.streams)", "\(push.never) of \(push.streams)",
             seconds(push.requestSeconds), String(push.eventsWithoutTheChange)]
        }
        var lines: [String] = ["waihu bench web — \(database), \(loginBurst.users) agents, \(streams.desks) desks + \(streams.wallboards) wallboards, \(leads) leads", ""]
        lines.append("1. Users created through the API, \(creation.concurrency) at a time")
        lines.append("   \(creation.outcomes.successes) of \(creation.users) created; errors: \(creation.outcomes.errorText)")
        lines.append("   per request \(creation.timing.text); all \(seconds(creation.totalSeconds))")
        if creation.createdOnRetry + creation.existedOnRetry > 0 {
            lines.append("   the failed ones, tried again one at a time: \(creation.createdOnRetry) created, \(creation.existedOnRetry) were stored after all (409)")
        }
        lines.append("")
        lines.append("2. Login burst: \(loginBurst.users) agents at once, each on its own connection")
        lines.append("   \(loginBurst.outcomes.successes) logged in at the first try; 5xx: \(loginBurst.outcomes.serverErrors); "
                     + "asked to retry (503 + Retry-After): \(loginBurst.outcomes.askedToRetry); errors: \(loginBurst.outcomes.errorText)")
        lines.append("   per login \(loginBurst.timing.text); last first reply after \(seconds(loginBurst.totalSeconds))")
        lines.append("   one bcrypt check takes \(seconds(loginBurst.checkSeconds)): \(loginBurst.users) checks need at least "
                     + "\(seconds(loginBurst.cpuFloorSeconds)) on \(ProcessInfo.processInfo.activeProcessorCount) cores")
        lines.append("   everyone logged in after \(loginBurst.allLoggedInSeconds.map { seconds($0) } ?? "– (\(loginBurst.loggedInLater) had to log in again afterwards)")"
                     + (loginBurst.retriedAfterBeingAsked > 0 ? " (\(loginBurst.retriedAfterBeingAsked) came back when asked)" : ""))
        lines.append("")
        lines.append("3. Streams: \(streams.withFirstEvent) of \(streams.desks + streams.wallboards) got their first event; from request to first event \(streams.firstEvent.text)")
        for (why, count) in streams.failures.sorted(by: { $0.key < $1.key }) { lines.append("   \(count) without: \(why)") }
        lines.append("")
        lines.append("4–5. Pushes: from the API request to the first event that shows the change (EVENTS BEFORE: events that did not show it yet)")
        lines.append(TextTable.render(header: ["CHANGE", "LATENCY", "≤ 1 S", "NEVER (20 S)", "REQUEST", "EVENTS BEFORE"],
                                      rows: [push(campaignStart), push(campaignStop), push(eventImport)]))
        if let quiet {
            lines.append("")
            lines.append(String(format: "7. Quiet %.0f s, %d streams: %d desk events, %d figures events, %d keep-alive comments, %d bytes",
                                quiet.seconds, quiet.streams, quiet.deskEvents, quiet.figuresEvents, quiet.comments, quiet.bytes))
        }
        lines.append("")
        lines.append("6. GET \(BenchWebLeadsLoad.path), streams still open")
        lines.append(TextTable.render(header: ["CONNECTIONS", "REQUESTS/S", "P50", "P99", "MAX", "REQUESTS", "ERRORS"], rows: leadsLoad.map {
            [String($0.connections), String(format: "%.0f", $0.perSecond), seconds($0.timing.p50), seconds($0.timing.p99), seconds($0.timing.max),
             String($0.requests), $0.outcomes.errorText]
        }))
        lines.append("")
        lines.append("waihu serve: CPU \(serveCPUPercent.map { String(format: "%.0f %% of one core", $0) } ?? "–") over the run, "
                     + "peak RSS \(servePeakResidentMiB.map { String(format: "%.0f MiB", $0) } ?? "–"); load average \(loadAverage)")
        lines.append(missedAims.isEmpty ? "No errors, every push arrived." : "Missed: " + missedAims.joined(separator: "; ") + ".")
        return lines.joined(separator: "\n")
    }
}
