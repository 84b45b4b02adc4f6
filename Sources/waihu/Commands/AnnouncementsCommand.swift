import ArgumentParser
import Foundation
import WaihuDomain
import WaihuServer

struct AnnouncementsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "announcements",
        abstract: "Carrier announcements 提示音 that waihu recognises on calls (空号, 停机, 关机 …), taught by a list manager.",
        discussion: """
        waihu ships no carrier recordings. Record the announcement once (8 or 16 kHz mono PCM WAV, at least \
        a second) and teach it with its label; from then on every call that hears it ends with that cause. \
        A running `waihu serve` picks changes up within a few seconds. See docs/announcements.md.
        """,
        subcommands: [Learn.self, List.self, Remove.self]
    )

    struct Learn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Learn an announcement from a WAV file.")
        @Argument(help: "The recording: 8 or 16 kHz mono 16-bit PCM WAV, at least 1 s, not silent.") var file: String
        @Option(help: ArgumentHelp("What the announcement says.", discussion: AnnouncementsCommand.labelHelp)) var label: String
        @Option(help: "The carrier that plays it, e.g. 中国移动.") var carrier: String?
        @Option(help: "A name for the list (default: the file's name).") var name: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            // A label waihu does not know is a wrong argument (usage, 64); a recording it
            // cannot learn from is a refusal (the reason alone, 1).
            let cause: CallCause
            do { cause = try AnnouncementLibrary.label(label) } catch let error as AnnouncementError { throw ValidationError(error.description) }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(AnnouncementError.unreadableFile(file).description)
            }
            let entry = try await withApplication(storage.settings()) { app in
                try await refusal {
                    try await AnnouncementLibrary(database: app.db, actor: .console())
                        .learn(wav: [UInt8](data), label: cause, carrier: carrier, name: name,
                               source: .file((file as NSString).lastPathComponent))
                }
            }
            print("learned announcement \(entry.id): \(cause.rawValue) \(cause.chineseName)"
                  + (entry.carrier.map { " (\($0))" } ?? "") + " \"\(entry.name)\", "
                  + String(format: "%.1f s", entry.durationSeconds))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the learned announcements, newest first.")
        @Flag(help: "Print JSON, as GET /api/v1/announcements lists them.") var json = false
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let entries = try await withApplication(storage.settings()) { app in
                try await AnnouncementLibrary(database: app.db, actor: .console()).list()
            }
            if json {
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(entries), as: UTF8.self))
                return
            }
            if entries.isEmpty {
                print("no announcements learned yet: waihu announcements learn FILE.wav --label vacant")
                return
            }
            let day = DateFormatter()
            day.dateFormat = "yyyy-MM-dd HH:mm"
            print(TextTable.render(header: ["ID", "LABEL", "", "CARRIER", "NAME", "SECONDS", "LEARNED BY", "AT"], rows: entries.map {
                [String($0.id), $0.label, CallCause(rawValue: $0.label)?.chineseName ?? "", $0.carrier ?? "", $0.name,
                 String(format: "%.1f", $0.durationSeconds), $0.createdBy, day.string(from: $0.createdAt)]
            }))
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop recognising an announcement.")
        @Argument(help: "Its id, from `waihu announcements list`.") var id: Int
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let entry = try await withApplication(storage.settings()) { app in
                try await refusal { try await AnnouncementLibrary(database: app.db, actor: .console()).remove(id) }
            }
            print("announcement \(entry.id) (\(entry.label) \"\(entry.name)\") removed")
        }
    }

    static var labelHelp: String {
        "One of: " + CallCause.announcementLabels.map { "\($0.rawValue) \($0.chineseName)" }.joined(separator: ", ")
            + ". The Chinese name is accepted too."
    }
}

/// An announcement refusal shown as its message alone, exit status 1.
private func refusal<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let error as AnnouncementError { throw CommandFailure(error.description) }
}

private func refusal<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as AnnouncementError { throw CommandFailure(error.description) }
}
