import Fluent
import Vapor
import WaihuDialer
import WaihuSIP

/// The telephony engine inside `waihu serve`: phones authenticated against the phones
/// table, their registrations written back to it (and cleared on start and when they
/// expire), trunk hosts trusted, counters for /metrics, and test calls for the admin.
public final class TelephonyService: Sendable {
    public let engine: TelephonyEngine
    let application: Application
    private let writer: Task<Void, Never>
    private let sweeper: Task<Void, Never>
    private let registrations: AsyncStream<PhoneRegistration>.Continuation

    private init(engine: TelephonyEngine, application: Application, writer: Task<Void, Never>, sweeper: Task<Void, Never>,
                 registrations: AsyncStream<PhoneRegistration>.Continuation) {
        self.engine = engine
        self.application = application
        self.writer = writer
        self.sweeper = sweeper
        self.registrations = registrations
    }

    public static func start(_ app: Application, settings: TelephonySettings) async throws -> TelephonyService {
        // Bindings live in the engine's memory: after a restart no phone is registered
        // until it registers again, and the table must say so.
        try await clearRegistrations(on: app.db, expiredBefore: nil)
        let trunkHosts = try await TrunkRecord.query(on: app.db).all().map(\.host)
        let configuration = TelephonyConfiguration(host: settings.host, sipPort: settings.sipPort, rtpPorts: settings.rtpPorts,
                                                   trustedHosts: Set(trunkHosts))
        // One writer, in arrival order, so a quick re-register never lands before the
        // un-register it followed.
        let (stream, continuation) = AsyncStream<PhoneRegistration>.makeStream(bufferingPolicy: .unbounded)
        let engine = try await TelephonyEngine.start(configuration, phones: DatabasePhoneDirectory(application: app)) {
            _ = continuation.yield($0)
        }
        app.announcements = await AnnouncementService.start(app) { engine.setAnnouncements($0) }
        let logger = app.logger
        let writer = Task {
            for await registration in stream {
                do { try await store(registration, on: app.db) } catch {
                    logger.warning("could not store a phone registration", metadata: ["extension": .string(registration.phoneExtension),
                                                                                     "error": .string("\(error)")])
                }
            }
        }
        let interval = settings.sweepInterval
        let sweeper = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                try? await clearRegistrations(on: app.db, expiredBefore: Date())
            }
        }
        return TelephonyService(engine: engine, application: app, writer: writer, sweeper: sweeper, registrations: continuation)
    }

    /// Hangs up every call, closes the SIP port and stops the table writers.
    public func stop() async {
        await application.announcements?.stop()
        sweeper.cancel()
        try? await engine.shutdown()
        registrations.finish()
        await writer.value
        await sweeper.value
    }

    static func store(_ registration: PhoneRegistration, on db: Database) async throws {
        guard let phone = try await PhoneRecord.query(on: db).filter(\.$phoneExtension == registration.phoneExtension).first() else {
            return
        }
        if let expiresAt = registration.expiresAt {
            phone.contact = registration.contact
            phone.source = registration.source.description
            phone.expiresAt = expiresAt
            phone.userAgent = registration.userAgent.map { String($0.prefix(200)) }
        } else {
            phone.contact = nil
            phone.source = nil
            phone.expiresAt = nil
            phone.userAgent = nil
        }
        try await phone.save(on: db)
    }

    /// Clears registrations that expired before `date`, or all of them.
    static func clearRegistrations(on db: Database, expiredBefore date: Date?) async throws {
        var query = PhoneRecord.query(on: db)
            .set(["contact": .null, "source": .null, "expires_at": .null, "user_agent": .null])
        if let date { query = query.filter(\.$expiresAt < date) }
        try await query.update()
    }

    /// The engine's counters in the Prometheus text format, appended to /metrics.
    public func prometheusText() async -> String {
        let counters = await engine.counters()
        let registered = (try? await PhoneRecord.query(on: application.db).filter(\.$expiresAt > Date()).count()) ?? 0
        return TelephonyMetricsText.render(counters, phonesRegistered: registered)
    }
}

extension Application {
    private struct TelephonyKey: StorageKey {
        typealias Value = TelephonyService
    }

    /// The running engine; nil in commands and tests that do not start one.
    public var telephony: TelephonyService? {
        get { storage[TelephonyKey.self] }
        set { storage[TelephonyKey.self] = newValue }
    }
}
