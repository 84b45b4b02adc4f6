import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDomain

/// The center's settings in the database (`system_settings`): read by whoever needs one,
/// changed by an admin (the API or `waihu settings set`), every change audited. A setting
/// never set has its default; one row per setting once set.
public struct SystemSettings: Sendable {
    static let table = "system_settings"
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// One setting as the API and the CLI show it.
    public struct Line: Content, Equatable {
        public var key: String
        public var value: Bool
        public var `default`: Bool
        public var zh: String
        public var en: String
        public var explanation: String
        public var changed_by: String?
        public var changed_at: Date?
    }

    public func all() async throws -> [Line] {
        let stored = try await rows()
        return SystemSetting.allCases.map { line($0, stored[$0.rawValue]) }
    }

    public func isOn(_ setting: SystemSetting) async throws -> Bool {
        try await rows()[setting.rawValue]?.value.flatMap(SystemSetting.parseSwitch) ?? setting.defaultValue
    }

    /// The setting `key` by name, as typed by an admin.
    public static func setting(named key: String) throws -> SystemSetting {
        guard let setting = SystemSetting(rawValue: key) else { throw SystemSettingError.unknown(key) }
        return setting
    }

    /// Sets `key` to `text` (true/false, on/off …) and audits the change with the old value.
    @discardableResult
    public func set(_ key: String, to text: String, by actor: AuditActor, now: Date = Date()) async throws -> Line {
        let setting = try Self.setting(named: key)
        guard let value = SystemSetting.parseSwitch(text) else { throw SystemSettingError.notASwitch(setting: key, value: text) }
        try await WriteRetry.transaction(on: database) { db in
            guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
            let old = try await SystemSettings(database: db).isOn(setting)
            try await sql.delete(from: Self.table).where("key", .equal, setting.rawValue).run()
            try await sql.insert(into: Self.table).columns("key", "value", "changed_by", "changed_at")
                .values(SQLBind(setting.rawValue), SQLBind(String(value)), SQLBind(actor.name), SQLBind(now.timeIntervalSince1970))
                .run()
            try await AuditLog.record(.settingChanged, by: actor, target: setting.rawValue, detail: "\(old) → \(value)", on: db)
        }
        return line(setting, try await rows()[setting.rawValue])
    }

    /// Refuses a campaign mode that a setting keeps off: `cleanse` unless `cleanse_enabled`.
    public func requireAllowed(_ mode: DialMode) async throws {
        if mode == .cleanse, !(try await isOn(.cleanseEnabled)) { throw SystemSettingError.cleanseDisabled }
    }

    private struct Row: Decodable {
        var key: String
        var value: String?
        var changed_by: String?
        var changed_at: Double?
    }

    private func rows() async throws -> [String: Row] {
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        let rows = try await sql.select().columns("key", "value", "changed_by", "changed_at").from(Self.table).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.key, $0) }, uniquingKeysWith: { $1 })
    }

    private func line(_ setting: SystemSetting, _ row: Row?) -> Line {
        Line(key: setting.rawValue, value: row?.value.flatMap(SystemSetting.parseSwitch) ?? setting.defaultValue,
             default: setting.defaultValue, zh: setting.chineseName, en: setting.englishName, explanation: setting.explanation,
             changed_by: row?.changed_by, changed_at: row?.changed_at.map(Date.init(timeIntervalSince1970:)))
    }
}
