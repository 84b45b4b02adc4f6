import Fluent
import SQLKit
import Vapor

/// Connections on which one report runs its queries side by side (`ReportQuery.run`).
///
/// Fluent keeps a connection pool per event loop, so a database handle per event loop
/// reaches a different connection each: SQLite in WAL mode lets them read at once, and
/// PostgreSQL serves each on its own backend. A month's team report on two cores then takes
/// about as long as its largest query instead of the sum of all of them.
public enum ReportLanes {
    /// At most this many lanes, whatever the number of event loops.
    static let maximum = 4

    public static func of(_ app: Application, logger: Logger) -> [SQLDatabase] {
        var lanes: [SQLDatabase] = []
        for loop in app.eventLoopGroup.makeIterator() where lanes.count < maximum {
            if let db = app.databases.database(logger: logger, on: loop) as? SQLDatabase { lanes.append(db) }
        }
        return lanes
    }
}
