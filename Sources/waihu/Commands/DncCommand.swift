import ArgumentParser
import Foundation
import WaihuDomain
import WaihuServer

struct DncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dnc",
        abstract: "The do-not-call list 禁呼名单: numbers the dialer never calls.",
        subcommands: [Add.self, Remove.self, Import.self, List.self]
    )

    /// The period options shared by add and import.
    struct Period: ParsableArguments {
        @Option(help: "Last day on the list, YYYY-MM-DD (default: today + --months).") var until: String?
        @Option(help: "Refusal period in months when --until is not given.") var months: Int = 6
        @Flag(help: "Keep the number on the list for good.") var forever = false

        func lastDay() throws -> CalendarDay? {
            if forever { return nil }
            if let date = try LeadOptionParsing.date(until, option: "--until") { return date }
            guard months > 0 else { throw ValidationError("--months must be positive") }
            return DoNotCallPeriod(months: months).until(from: .today())
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put a number on the list (or change its reason and period).")
        @Argument(help: "The number, in any format a lead list accepts.") var number: String
        @Option(help: "Why, e.g. 客户拒绝.") var reason: String
        @OptionGroup var period: Period
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let until = try period.lastDay()
            let entry = try await withApplication(storage.settings()) { app in
                do { return try await DoNotCallList(database: app.db, actor: .console()).add(number, reason: reason, until: until) }
                catch let error as DoNotCallError { throw ValidationError(error.message) }
            }
            print("\(entry.phoneKey) on the do-not-call list \(entry.until.map { "until \($0)" } ?? "for good") (\(entry.reason))")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a number off the list.")
        @Argument var number: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withApplication(storage.settings()) { app in
                do { try await DoNotCallList(database: app.db, actor: .console()).remove(number) }
                catch let error as DoNotCallError { throw ValidationError(error.message) }
            }
            print("\(number) removed from the do-not-call list")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add the numbers of a file, one a line, in one transaction.")
        @Argument var file: String
        @Option(help: "Why these numbers are listed.") var reason: String = "导入"
        @OptionGroup var period: Period
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let until = try period.lastDay()
            guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure(DoNotCallError.unreadableFile(file).message) }
            var decoder = try TextDecodingStream()
            let text = String(decoding: try decoder.feed([UInt8](data)) + decoder.finish(), as: UTF8.self)
            let summary = try await withApplication(storage.settings()) { app in
                try await DoNotCallList(database: app.db, actor: .console()).importLines(text, reason: reason, until: until)
            }
            print("\(summary.added) added, \(summary.updated) updated, \(summary.invalid.count) invalid")
            for invalid in summary.invalid.prefix(20) { print("  line \(invalid.line): not a number: \(invalid.value)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the list, newest first.")
        @Option(help: "A number or part of one.") var query: String?
        @Option var limit: Int = 200
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let result = try await withApplication(storage.settings()) { app in
                try await DoNotCallList(database: app.db, actor: .console()).list(query: query, limit: limit)
            }
            print(TextTable.render(header: ["NUMBER", "UNTIL", "REASON", "ADDED BY"],
                                   rows: result.entries.map { [$0.phoneKey, $0.until ?? "forever", $0.reason, $0.addedBy] }))
            if result.total > result.entries.count { print("… \(result.total - result.entries.count) more") }
        }
    }
}
