import ArgumentParser
import Foundation
import WaihuServer

struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Call-center events 事件 (docs/events.md).",
        subcommands: [Import.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a JSON Lines file of events in one transaction: a bad line imports nothing and is listed with its number."
        )

        @Argument(help: "The .jsonl file.") var file: String
        @Flag(help: "Mark the events as simulated (demo data).") var simulated = false
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure("cannot read \(file)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure("\(file) is not UTF-8 text")
            }
            let started = Date()
            do {
                let summary = try await withApplication(storage.settings()) { app in
                    try await EventStore(database: app.db).importLines(text, simulated: simulated)
                }
                let kinds = summary.byType.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                print("imported \(summary.imported) events in \(String(format: "%.2f", Date().timeIntervalSince(started))) s (\(kinds))")
            } catch let failure as EventImportFailure {
                FileHandle.standardError.write(Data("\(file): \(failure.description)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
