import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

/// Runs waihu for the command line: the server itself, or a one-off command against
/// the same database.
public enum WaihuRunner {
    /// `waihu serve`: migrate, create the first administrator if there is none, serve until SIGINT/SIGTERM.
    public static func serve(_ settings: ServerSettings, logLevel: Logger.Level) async throws {
        bootstrapLogging(level: logLevel)
        let app = try await Application.make(Environment(name: "production", arguments: ["waihu", "serve"]))
        do {
            try await WaihuApp.configure(app, settings: settings)
            // Only the command that serves pages warns: `waihu leads import` has no pages to miss.
            if settings.resolvedPublicDirectory == nil {
                app.logger.warning("no Public/ folder found: the web UI is not served (use --public-dir)")
            }
            app.logger.info("database", metadata: ["location": .string(settings.resolvedDatabase.description)])
            try await WaihuApp.prepareDatabase(app)
            let environmentPassword = ProcessInfo.processInfo.environment["WAIHU_ADMIN_PASSWORD"]
            if let created = try await AdminBootstrap.ensureAdministrator(on: app.db, passwords: app.passwordHashing, environmentPassword: environmentPassword) {
                announce(created)
            }
            var telephonySettings = settings.telephony
            telephonySettings.sipPort = settings.sipPort
            if telephonySettings.enabled {
                let telephony = try await TelephonyService.start(app, settings: telephonySettings)
                app.telephony = telephony
                print("waihu: SIP listening on udp \(telephony.engine.sipEndpoint)")
                app.campaignCenter = try await CampaignCenter.start(app, engine: telephony.engine)
            } else {
                print("waihu: SIP is off (--no-sip)")
            }
            fflush(stdout)
            // Vapor stops the HTTP server on these signals and waits for responses to finish;
            // the event streams would never finish on their own, so end them first.
            let streamClosers = [SIGTERM, SIGINT].map { number -> DispatchSourceSignal in
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [app] in
                    app.liveHub.close()
                    app.campaignCenter?.seatBoard.closeStreams()
                }
                source.resume()
                return source
            }
            defer { streamClosers.forEach { $0.cancel() } }
            try await app.execute()
            // No new dials; the engine hangs up the calls still up; their results and the
            // agents' last state intervals are stored before the database closes.
            await app.campaignCenter?.shutdown()
            await app.telephony?.stop()
            await app.campaignCenter?.drain()
            app.campaignCenter = nil
            app.telephony = nil
            try await app.asyncShutdown()
        } catch {
            await app.campaignCenter?.shutdown()
            await app.telephony?.stop()
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Runs `body` against a configured, migrated application without starting the HTTP server.
    public static func withApplication<T>(_ settings: ServerSettings, _ body: (Application) async throws -> T) async throws -> T {
        bootstrapLogging(level: .warning)
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

    private static func announce(_ created: AdminBootstrap.Created) {
        if created.generated {
            print("""
            ==========================================================
             waihu: first start. Administrator account created:
               username: \(created.username)
               password: \(created.password)
             It is shown only this once. Change it after logging in.
            ==========================================================
            """)
        } else {
            print("waihu: administrator '\(created.username)' created with the password from WAIHU_ADMIN_PASSWORD")
        }
        fflush(stdout)
    }

    private static let loggingBootstrapped = NIOLockedValueBox(false)

    /// Logs go to standard error with their metadata (swift-log); once per process.
    private static func bootstrapLogging(level: Logger.Level) {
        loggingBootstrapped.withLockedValue { done in
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
