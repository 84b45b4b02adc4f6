import Fluent
import SQLKit

/// The event tables of `EventTable.all` with their report indexes (issue 7).
struct CreateEventTables: AsyncMigration {
    func prepare(on database: Database) async throws {
        for table in EventTable.all {
            var schema = database.schema(table.name).field("id", .int64, .identifier(auto: true))
            for column in table.columns where !column.addedLater {
                schema = column.required
                    ? schema.field(.string(column.name), column.type, .required)
                    : schema.field(.string(column.name), column.type)
            }
            if table.name == EventTable.agentTeams.name { schema = schema.unique(on: "agent_id") }
            try await schema.create()
            guard let sql = database as? SQLDatabase else { continue }
            for columns in table.indexes {
                var index = sql.create(index: "\(table.name)_\(columns.joined(separator: "_"))").on(table.name)
                for column in columns { index = index.column(column) }
                try await index.run()
            }
        }
    }

    func revert(on database: Database) async throws {
        for table in EventTable.all.reversed() {
            try await database.schema(table.name).delete()
        }
    }
}
