import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Sets up a Vapor application as waihu: database, migrations, middleware, routes.
/// `waihu serve`, the other commands and the tests all start here.
public enum WaihuApp {
    public static func configure(_ app: Application, settings: ServerSettings) async throws {
        WaihuMetrics.bootstrap()
        app.storage[SettingsKey.self] = settings

        switch settings.resolvedDatabase {
        case .sqlite(let path):
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            // PostgreSQL serves many connections at once (SQLite writes one at a time and keeps
            // one per event loop): four per event loop, so a shift's logins, desks and dialer
            // queue behind one another less. Several nodes × 2 loops × 4 stay far below its 100.
            app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url), maxConnectionsPerEventLoop: 4,
                                        sqlLogLevel: .trace), as: .psql)
        }
        app.migrations.add(WaihuMigrations.all)

        app.http.server.configuration.hostname = settings.httpHost
        app.http.server.configuration.port = settings.httpPort
        app.routes.defaultMaxBodySize = "1mb"

        app.middleware = Middlewares()
        // One line per request is noise at info (2.7 MB in a shift's first 14 minutes):
        // access logs are `--log-level debug`, or `--access-log` at info.
        app.middleware.use(RouteLoggingMiddleware(logLevel: settings.accessLog ? .info : .debug))
        app.middleware.use(ErrorMiddleware.default(environment: app.environment))
        app.middleware.use(OverloadMiddleware())
        app.middleware.use(SecurityHeadersMiddleware())
        if let publicDirectory = settings.resolvedPublicDirectory {
            app.middleware.use(StaticFilesMiddleware(files: FileMiddleware(publicDirectory: publicDirectory + "/", defaultFile: "index.html")))
        }
        app.middleware.use(SessionAuthenticator())

        registerRoutes(app, settings: settings)
    }

    /// Runs the migrations and tunes SQLite; call after `configure`.
    public static func prepareDatabase(_ app: Application) async throws {
        if case .sqlite = app.waihuSettings.resolvedDatabase {
            try await app.db.withConnection { connection in
                guard let sql = connection as? SQLDatabase else { return connection.eventLoop.makeSucceededVoidFuture() }
                return connection.eventLoop.makeFutureWithTask {
                    // A new database gets 8 KiB pages, SQLite's default being 4 KiB: a lead
                    // import stores about a fifth faster (fewer pages to find, split and log,
                    // docs/lists.md), and a page is still small for the dialer's one-row
                    // writes. The size is fixed when the first page is written, so it must
                    // come before WAL, on the same connection; an existing file keeps its own.
                    try await sql.raw("PRAGMA page_size=8192").run()
                    // WAL lets reports read while the dialer writes.
                    try await sql.raw("PRAGMA journal_mode=WAL").run()
                }
            }.get()
            try await SQLiteConnections.setBusyTimeout(app)
        }
        try await app.autoMigrate()
    }

    static func registerRoutes(_ app: Application, settings: ServerSettings) {
        HealthController().register(on: app)
        let api = app.grouped("api", "v1")
        AuthController(tokenLifetime: settings.tokenLifetime, throttle: settings.loginThrottle).register(on: api)
        UserController().register(on: api)
        TeamController().register(on: api)
        AuditController().register(on: api)
        TelephonyController().register(on: api)
        TestCallController().register(on: api)
        EventController().register(on: api)
        ReportController().register(on: api)
        LiveController().register(on: api)
        LeadController().register(on: api)
        ImportController().register(on: api)
        BatchController().register(on: api)
        DoNotCallController().register(on: api)
        CampaignController().register(on: api)
        VocabularyController().register(on: api)
        AgentDesktopController().register(on: api)
        WallboardAgentsController().register(on: api)
        CallHistoryController().register(on: api)
        SettingsController().register(on: api)
        AnnouncementController().register(on: api)
    }

    struct SettingsKey: StorageKey {
        typealias Value = ServerSettings
    }
}

extension Application {
    public var waihuSettings: ServerSettings {
        storage[WaihuApp.SettingsKey.self] ?? ServerSettings()
    }
}

/// Headers that keep the UI from being framed or sniffed into something else.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; img-src 'self' data:; media-src 'self' blob:")
        return response
    }
}

/// The web UI's files, looked for only outside `/api/`: an API request (most requests by
/// far) does not ask the file system whether it names a file.
struct StaticFilesMiddleware: AsyncMiddleware {
    let files: FileMiddleware

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if request.url.path.hasPrefix("/api/") { return try await next.respond(to: request) }
        return try await files.respond(to: request, chainingTo: next)
    }
}
