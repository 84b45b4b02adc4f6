import Fluent
import SQLKit

/// The hourly roll-ups of state time and call attempts (`EventTable.rollups`), with their
/// unique keys, filled from the events already stored so that an existing database reports
/// the same figures after the upgrade; and a partial index of the attempts without an
/// attempt number.
struct CreateEventRollups: AsyncMigration {
    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        for table in EventTable.rollups {
            var schema = database.schema(table.name)
            for column in table.columns {
                schema = schema.field(.string(column.name), column.type, .required)
            }
            try await schema.create()
            // The key as a unique index: the target of `ON CONFLICT (…)`, and the index the
            // reports read by day.
            var index = sql.create(index: "\(table.name)_key").on(table.name).unique()
            for column in table.rollupKey { index = index.column(column) }
            try await index.run()
            try await EventRollup.rebuild(table, on: sql)
        }
        // The call attempts without an attempt number, by day: what the reports still read
        // from the attempts for 首拨 (`ReportQuery`), without reading a month of attempts.
        try await sql.raw("CREATE INDEX \(unsafeRaw: Self.unnumberedIndex) ON \(unsafeRaw: EventTable.callAttempts.name) (local_day) WHERE attempt_number IS NULL").run()
    }

    static let unnumberedIndex = "ev_call_attempts_unnumbered"


    func revert(on database: Database) async throws {
        if let sql = database as? SQLDatabase {
            try await sql.drop(index: Self.unnumberedIndex).run()
        }
        for table in EventTable.rollups.reversed() {
            try await database.schema(table.name).delete()
        }
    }
}
