import ArgumentParser
import Foundation
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

/// A refusal from waihu's rules, shown as the message alone.
func userFacing(_ error: Error) -> Error {
    if let error = error as? AdministrationError { return ValidationError(error.description) }
    if let error = error as? TelephonyAdministrationError { return ValidationError(error.description) }
    return error
}

