import ArgumentParser
import Foundation
import WaihuDomain
import WaihuServer
#if canImport(Glibc)
import Glibc
#endif

/// `waihu bench import`: lead-list import throughput against `sqlite3 .import` (docs/lists.md).
struct ImportBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a generated list into an empty SQLite database, then a second one into the filled database (and a workbook into both kinds), a few times; rows/s, peak memory, and sqlite3 .import for comparison."
    )

    @Option(help: "Rows of the CSV lists.") var rows: Int = 1_000_000
    @Option(name: .customLong("xlsx-rows"), help: "Rows of the .xlsx list (0: skip).") var xlsxRows: Int = 0
    @Option(help: "Folder for the generated files and databases (default: a temporary folder, removed after).") var folder: String?

    @Option(help: "Runs, each into fresh databases, alternating with sqlite3's .import; best and median are shown.") var runs: Int = 3

    /// One timed import: wall and CPU seconds.
    private struct Timing {
        var seconds: Double
        var cpu: Double
    }

    func run() async throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        let work = URL(fileURLWithPath: folder ?? NSTemporaryDirectory() + "waihu-bench-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { if folder == nil { try? FileManager.default.removeItem(at: work) } }

        let first = work.appendingPathComponent("list-1.csv")
        let second = work.appendingPathComponent("list-2.csv")
        let generate = Date()
        var generator = LeadListGenerator(seed: 1)
        try generator.writeCSV(rows: rows, to: first)
        // The second list shares half its customers with the first.
        var generator2 = LeadListGenerator(seed: 2, numberOffset: rows / 2)
        try generator2.writeCSV(rows: rows, to: second)
        log("generated 2 × \(rows) rows in \(seconds(since: generate)) s (\(megabytes(fileSize(first))) MB each)")
        // The workbook, and the same rows as a CSV for sqlite3, which reads no workbooks.
        let workbook = work.appendingPathComponent("list-3.xlsx")
        let workbookTwin = work.appendingPathComponent("list-3.csv")
        if xlsxRows > 0 {
            let generate = Date()
            var generator3 = LeadListGenerator(seed: 3, numberOffset: 3 * rows)
            try generator3.writeXLSX(rows: xlsxRows, to: workbook)
            var twin = LeadListGenerator(seed: 3, numberOffset: 3 * rows)
            try twin.writeCSV(rows: xlsxRows, to: workbookTwin)
            log("generated \(xlsxRows)-row .xlsx in \(seconds(since: generate)) s (\(megabytes(fileSize(workbook))) MB)")
        }

        let asOf = CalendarDay(year: 2026, month: 3, day: 1)!
        var timings: [Measure: [Timing]] = [:]
        // A shared machine's speed drifts from one minute to the next, so waihu's runs and
        // sqlite3's alternate, and the summary compares best with best and median with median.
        for run in 1...runs {
            let database = work.appendingPathComponent("waihu-\(run).sqlite")
            // The CSVs (and the workbook) into one database, then, as for the first CSV, the
            // workbook alone into an empty database of its own.
            var imports: [(URL, [(Measure, URL)])] = [(database, [(.intoEmpty, first), (.intoFilled, second)])]
            let workbookDatabase = work.appendingPathComponent("waihu-\(run)-xlsx.sqlite")
            if xlsxRows > 0 {
                imports[0].1.append((.workbook, workbook))
                imports.append((workbookDatabase, [(.workbookIntoEmpty, workbook)]))
            }
            for (databaseFile, lists) in imports {
                var settings = ServerSettings()
                settings.dataDirectory = work.path
                settings.database = .sqlite(path: databaseFile.path)
                try await WaihuRunner.withApplication(settings) { app in
                    let importer = LeadImporter(database: app.db, actor: .console())
                    for (measure, file) in lists {
                        let start = Date()
                        let cpuStart = cpuSeconds(RUSAGE_SELF)
                        let result = try await importer.run(.init(file: file, batchName: "bench-\(measure.rawValue)", sourceName: "bench",
                                                                  costPerLead: 0.3, options: LeadFileOptions(asOf: asOf), rejectListLimit: 1000))
                        let timing = Timing(seconds: Date().timeIntervalSince(start), cpu: cpuSeconds(RUSAGE_SELF) - cpuStart)
                        timings[measure, default: []].append(timing)
                        let r = result.report
                        log("[run \(run)] \(measure.label): \(r.rows) rows in "
                            + "\(String(format: "%.2f", timing.seconds)) s = \(Int(Double(r.rows) / timing.seconds)) rows/s "
                            + "(cpu \(String(format: "%.2f", timing.cpu)) s); imported \(r.imported), "
                            + "invalid \(r.invalidPhone), duplicate \(r.duplicate); peak RSS \(peakMegabytes()) MB")
                    }
                }
            }
            try? FileManager.default.removeItem(at: workbookDatabase)
            if folder == nil || run < runs { try? FileManager.default.removeItem(at: database) }

            // sqlite3's own CSV import of the same files into a bare table, for scale.
            var twins: [(Measure, URL, Int)] = [(.sqlite, first, rows)]
            if xlsxRows > 0 { twins.append((.sqliteWorkbookTwin, workbookTwin, xlsxRows)) }
            for (measure, file, count) in twins {
                let bare = work.appendingPathComponent("bare-\(run).sqlite")
                defer { try? FileManager.default.removeItem(at: bare) }
                let start = Date()
                let cpuStart = cpuSeconds(RUSAGE_CHILDREN)
                guard try runSQLite(database: bare, script: ".mode csv\n.import \(file.path) leads\n") == 0 else {
                    log("sqlite3 .import failed (is the sqlite3 package installed?)")
                    continue
                }
                let timing = Timing(seconds: Date().timeIntervalSince(start), cpu: cpuSeconds(RUSAGE_CHILDREN) - cpuStart)
                timings[measure, default: []].append(timing)
                log("[run \(run)] \(measure.label): \(count) rows in \(String(format: "%.2f", timing.seconds)) s = "
                    + "\(Int(Double(count) / timing.seconds)) rows/s (cpu \(String(format: "%.2f", timing.cpu)) s)")
            }
        }

        log("\(runs) run\(runs == 1 ? "" : "s"), rows/s best / median:")
        for measure in Measure.allCases {
            guard let seconds = timings[measure]?.map(\.seconds), let best = seconds.min() else { continue }
            let count = Double(measure.isWorkbookSized ? xlsxRows : rows)
            log("  \(measure.label): \(Int(count / best)) / \(Int(count / median(seconds)))")
        }
        for (waihu, sqlite, what) in [(Measure.intoEmpty, Measure.sqlite, "import into an empty database"),
                                      (.workbookIntoEmpty, .sqliteWorkbookTwin, ".xlsx import into an empty database (sqlite3: the same rows as CSV)"),
                                      (.workbook, .sqliteWorkbookTwin, ".xlsx import into the filled database (sqlite3: the same rows as CSV)")] {
            guard let ours = timings[waihu], let theirs = timings[sqlite], let oursBest = ours.map(\.seconds).min(),
                  let theirsBest = theirs.map(\.seconds).min() else { continue }
            log("waihu's \(what) takes " + String(format: "%.2f× sqlite3's time (best against best), "
                       + "%.2f× (median against median), %.2f× its CPU time (medians)",
                       oursBest / theirsBest, median(ours.map(\.seconds)) / median(theirs.map(\.seconds)),
                       median(ours.map(\.cpu)) / max(median(theirs.map(\.cpu)), 0.001)))
        }
    }

    /// What one run times.
    private enum Measure: String, CaseIterable {
        case intoEmpty = "1", intoFilled = "2", workbook = "xlsx", workbookIntoEmpty = "xlsx-empty"
        case sqlite = "sqlite3", sqliteWorkbookTwin = "sqlite3-xlsx-twin"

        var label: String {
            switch self {
            case .intoEmpty: return "csv into empty db "
            case .intoFilled: return "csv into filled db"
            case .workbook: return "xlsx into filled db"
            case .workbookIntoEmpty: return "xlsx into empty db"
            case .sqlite: return "sqlite3 .import   "
            case .sqliteWorkbookTwin: return "sqlite3 .import of the .xlsx rows as CSV"
            }
        }

        var isWorkbookSized: Bool { self == .workbook || self == .workbookIntoEmpty || self == .sqliteWorkbookTwin }
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private func runSQLite(database: URL, script: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database.path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func log(_ line: String) {
        print(line)
        fflush(stdout)
    }

    private func seconds(since start: Date) -> String { String(format: "%.1f", Date().timeIntervalSince(start)) }
    private func fileSize(_ url: URL) -> Int { ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0 }
    private func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }

    /// User plus system CPU time of this process (or its finished children) so far.
    private func cpuSeconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Peak resident memory of this process so far (getrusage ru_maxrss, KiB on Linux).
    private func peakMegabytes() -> String {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return String(format: "%.0f", Double(usage.ru_maxrss) / 1024)
    }
}
