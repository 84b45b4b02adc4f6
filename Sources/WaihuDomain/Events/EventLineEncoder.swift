import Foundation

/// Writes events in the JSON Lines format of docs/events.md, one object per line.
///
/// The import format is also the export format, so a center can move its history between
/// waihu installations and a test can round-trip every event kind.
public struct EventLineEncoder: Sendable {
    public init() {}

    /// One line, without the trailing newline. Keys sorted, so files diff cleanly.
    public func encode(_ event: CallCenterEvent) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = EventTimestamp.encodingStrategy
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(event), as: UTF8.self)
    }
}
