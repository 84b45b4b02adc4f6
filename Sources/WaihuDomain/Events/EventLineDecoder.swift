import Foundation

/// Decodes the JSON Lines event format of docs/events.md, one line at a time.
///
/// Line by line rather than the whole file, so that `waihu events import` can stream a large
/// history and report every bad line, not only the first.
public struct EventLineDecoder: Sendable {
    public init() {}

    /// Decodes one line. Returns nil for a blank line (allowed, e.g. at the end of a file).
    /// - Parameter lineNumber: 1-based, for the error message.
    public func decode(_ line: String, lineNumber: Int) throws -> CallCenterEvent? {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = EventTimestamp.decodingStrategy
        do {
            return try decoder.decode(CallCenterEvent.self, from: Data(trimmed.utf8))
        } catch let error as CallCenterEvent.UnknownType {
            throw EventImportError.unknownType(line: lineNumber, type: error.type)
        } catch let error as DecodingError {
            throw Self.importError(error, line: lineNumber, type: Self.typeName(in: trimmed))
        }
    }

    /// Decodes a whole file's text, keeping the good events and every error.
    public func decodeAll(_ text: String) -> (events: [CallCenterEvent], errors: [EventImportError]) {
        var events: [CallCenterEvent] = []
        var errors: [EventImportError] = []
        // Split on "\n" only, keeping empty lines, so line numbers match an editor's.
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            do {
                if let event = try decode(String(line), lineNumber: index + 1) { events.append(event) }
            } catch let error as EventImportError {
                errors.append(error)
            } catch {
                errors.append(.malformedJSON(line: index + 1, reason: "\(error)"))
            }
        }
        return (events, errors)
    }

    /// The line's `"type"` if it has a string one, to name the event in errors.
    private static func typeName(in line: String) -> String {
        struct TypeOnly: Decodable { let type: String }
        return (try? JSONDecoder().decode(TypeOnly.self, from: Data(line.utf8)).type) ?? "event"
    }

    static func importError(_ error: DecodingError, line: Int, type: String) -> EventImportError {
        func path(_ codingPath: [CodingKey]) -> String {
            codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return field == "type" ? .missingType(line: line) : .missingField(line: line, type: type, field: field)
        case .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return field == "type" ? .missingType(line: line) : .missingField(line: line, type: type, field: field)
        case .typeMismatch(let expected, let context):
            if context.codingPath.isEmpty { return .notAnObject(line: line) }
            let field = path(context.codingPath)
            if field == "type" { return .invalidValue(line: line, type: type, field: field, reason: "must be a string") }
            return .invalidValue(line: line, type: type, field: field, reason: "must be \(describe(expected))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .malformedJSON(line: line, reason: context.debugDescription)
            }
            return .invalidValue(line: line, type: type, field: path(context.codingPath), reason: context.debugDescription)
        @unknown default:
            return .malformedJSON(line: line, reason: "\(error)")
        }
    }

    /// Words for a Swift type a user of a JSON file understands.
    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type: return "a whole number"
        case is Double.Type, is Decimal.Type: return "a number"
        default: return "of type \(type)"
        }
    }
}
