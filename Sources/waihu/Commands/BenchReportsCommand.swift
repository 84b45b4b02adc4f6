import ArgumentParser
import Foundation
import SQLKit
import WaihuDomain
import WaihuServer

extension BenchCommand {
    /// `waihu bench reports`: loads a year of simulated events and times the daily agent and
    /// the monthly team report (docs/reports.md, "Benchmark").
    struct Reports: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a year of events (about 400 calls per agent per working day) and time the daily agent and monthly team reports."
        )

        @Option(help: "Agents.") var agents: Int = 100
        @Option(help: "Calendar days to load, from --start (weekends are not worked).") var days: Int = 365
        @Option(help: "First day.") var start: String = "2025-11-03"
        @Option(help: "PostgreSQL URL to load and time as well (its tables are emptied first!).") var postgres: String?
        @Option(help: "Folder for the SQLite file (default: a temporary folder, removed after).") var dir: String?
        @Option(help: "Timed runs of each report.") var runs: Int = 3
        @Flag(help: "Keep the events already in the database (of an earlier run with the same --dir and the same options) instead of loading them again.") var reuse = false

        func run() async throws {
            guard let first = CalendarDay(start) else { throw ValidationError("--start is not a date like 2025-11-03") }
            guard agents > 0, days > 0, runs > 0 else { throw ValidationError("--agents, --days and --runs must be positive") }
            let folder = dir ?? NSTemporaryDirectory() + "waihu-bench-reports-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { if dir == nil { try? FileManager.default.removeItem(atPath: folder) } }
            var targets: [(String, DatabaseLocation)] = [("sqlite", .sqlite(path: folder + "/bench.sqlite"))]
            if let postgres { targets.append(("postgres", try DatabaseLocation(parsing: postgres))) }
            for (label, location) in targets {
                var settings = ServerSettings()
                settings.dataDirectory = folder
                settings.database = location
                try await withApplication(settings) { app in
                    guard let sql = app.db as? SQLDatabase else { throw ValidationError("not an SQL database") }
                    let loaded = try await sql.raw("SELECT COUNT(*) AS n FROM ev_call_attempts").first(decoding: EventCount.self)?.n ?? 0
                    let load = !(reuse && loaded > 0)
                    if load {
                        for table in EventTable.all + EventTable.rollups { try await sql.delete(from: table.name).run() }
                    } else {
                        print("[\(label)] reusing the \(loaded) call attempts already loaded")
                    }
                    try await bench(label, sql: sql, lanes: ReportLanes.of(app, logger: app.logger), store: EventStore(database: app.db), first: first, load: load)
                }
            }
        }

        private struct EventCount: Decodable { var n: Int }

        private func bench(_ label: String, sql: SQLDatabase, lanes: [SQLDatabase], store: EventStore, first: CalendarDay, load: Bool) async throws {
            let clock = LocalClock()
            let firstStart = clock.start(of: first)
            var calls = 0, events = 0, workDays: [CalendarDay] = []
            let loadStarted = Date()
            if load { try await store.insert(DaySimulator(agents: agents, day: first).employment()) }
            for offset in 0..<days {
                let day = CalendarDay(clock.dayAndHour(firstStart.addingTimeInterval(Double(offset) * 86_400 + 43_200)).day)!
                let weekday = (day.daysSince1970 + 4) % 7 // 0 = Sunday
                if weekday == 0 || weekday == 6 { continue }
                workDays.append(day)
                guard load else { continue }
                let simulated = DaySimulator(agents: agents, day: day, seed: UInt64(offset + 1)).events()
                let summary = try await store.insert(simulated, simulated: true)
                calls += summary.byType["call_attempt"] ?? 0
                events += summary.imported
                if workDays.count % 20 == 0 {
                    print("[\(label)] loaded \(workDays.count) working days, \(calls) call attempts, \(events) events, \(Int(Date().timeIntervalSince(loadStarted))) s")
                }
            }
            let loadSeconds = Date().timeIntervalSince(loadStarted)
            if load { print("[\(label)] loaded \(workDays.count) working days: \(calls) call attempts, \(events) events in \(String(format: "%.1f", loadSeconds)) s (\(Int(Double(events) / max(loadSeconds, 0.001))) events/s)") }
            guard let middle = workDays.dropFirst(workDays.count / 2).first else { return }
            let builder = ReportBuilder(sql: sql, lanes: lanes)
            let day = try ReportPeriod(from: middle, to: middle)
            let monthFirst = CalendarDay(year: middle.year, month: middle.month, day: 1)!
            let monthLast = CalendarDay(year: middle.year, month: middle.month,
                                        day: (28...31).last { CalendarDay(year: middle.year, month: middle.month, day: $0) != nil }!)!
            let month = try ReportPeriod(from: monthFirst, to: monthLast)
            for (name, kind, period, group) in [("daily agent report", ReportKind.agent, day, ReportGroup.agent),
                                                ("monthly team report", ReportKind.team, month, ReportGroup.team)] {
                var times: [Double] = []
                var rows = 0
                for _ in 0..<runs {
                    let started = Date()
                    let table = try await builder.build(kind, period: period, group: group, scope: .everything)
                    times.append(Date().timeIntervalSince(started))
                    rows = table.rows.count
                }
                times.sort()
                print("[\(label)] \(name) \(period.from)…\(period.to): \(rows) rows, best \(String(format: "%.3f", times[0])) s, median \(String(format: "%.3f", times[times.count / 2])) s")
            }
        }
    }
}
