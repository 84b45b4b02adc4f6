import ArgumentParser
import Foundation
import Logging
import Vapor
import WaihuServer

/// `--database` and `--data-dir`, shared by every command that reads or writes data.
struct StorageOptions: ParsableArguments {
    @Option(help: "sqlite:PATH or postgres://USER:PASS@HOST/DB (default: sqlite in the data directory; also WAIHU_DATABASE).")
    var database: String?

    @Option(name: .customLong("data-dir"), help: "Folder for the SQLite file, recordings and uploads.")
    var dataDirectory: String = "./data"

    func settings() throws -> ServerSettings {
        var settings = ServerSettings()
        settings.dataDirectory = dataDirectory
        if let text = database ?? ProcessInfo.processInfo.environment["WAIHU_DATABASE"] {
            do { settings.database = try DatabaseLocation(parsing: text) } catch { throw ValidationError("\(error)") }
        }
        return settings
    }
}

/// Runs `body` against a configured, migrated application without starting the HTTP server.
func withApplication<T>(_ settings: ServerSettings, _ body: (Application) async throws -> T) async throws -> T {
    LoggingBootstrap.once(level: .warning)
    let app = try await Application.make(Environment(name: "production", arguments: ["waihu"]))
    do {
        try await WaihuApp.configure(app, settings: settings)
        try await WaihuApp.prepareDatabase(app)
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// A refusal from waihu's rules, shown as the message alone, without a stack of types.
func userFacing(_ error: Error) -> Error {
    if let error = error as? AdministrationError { return ValidationError(error.description) }
    return error
}

enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false

    static func once(level: Logger.Level) {
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
