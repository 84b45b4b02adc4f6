import Foundation

/// Where waihu keeps its data: an embedded SQLite file (the zero-set-up default) or a
/// PostgreSQL server (production, several nodes).
public enum DatabaseLocation: Equatable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// Parses `sqlite:PATH` or `postgres://USER:PASS@HOST[:PORT]/DB` (also `postgresql://`).
    public init(parsing text: String) throws {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw DatabaseLocationError.missingPath }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let url = URL(string: text), url.host != nil, url.path.count > 1 else {
                throw DatabaseLocationError.badPostgresURL(text)
            }
            self = .postgres(url: text)
        } else {
            throw DatabaseLocationError.unknownScheme(text)
        }
    }

    /// For logs: the password is never printed.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}

public enum DatabaseLocationError: Error, CustomStringConvertible {
    case missingPath
    case badPostgresURL(String)
    case unknownScheme(String)

    public var description: String {
        switch self {
        case .missingPath: return "--database sqlite:PATH needs a file path, e.g. sqlite:./data/waihu.sqlite"
        case .badPostgresURL: return "--database: a PostgreSQL URL looks like postgres://USER:PASS@HOST:5432/DB"
        case .unknownScheme(let text): return "--database '\(text)': use sqlite:PATH or postgres://USER:PASS@HOST/DB"
        }
    }
}
