import ArgumentParser
import Vapor
import WaihuServer

/// A configured, migrated application for one command (no HTTP server).
/// Kept apart from the option types: Vapor's `Option` would shadow ArgumentParser's.
func withApplication<T>(_ settings: ServerSettings, _ body: (Application) async throws -> T) async throws -> T {
    try await WaihuRunner.withApplication(settings, body)
}

/// A refusal from the campaign rules (they speak HTTP to the pages), as the message alone.
func campaignError(_ error: Error) -> Error {
    if let abort = error as? AbortError { return ArgumentParser.ValidationError(abort.reason) }
    return userFacing(error)
}
