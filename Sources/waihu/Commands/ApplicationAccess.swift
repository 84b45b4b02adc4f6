import Vapor
import WaihuServer

/// A configured, migrated application for one command (no HTTP server).
/// Kept apart from the option types: Vapor's `Option` would shadow ArgumentParser's.
func withApplication<T>(_ settings: ServerSettings, _ body: (Application) async throws -> T) async throws -> T {
    try await WaihuRunner.withApplication(settings, body)
}
