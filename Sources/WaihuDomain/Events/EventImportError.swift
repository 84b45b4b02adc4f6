/// Why one line of an events JSON Lines file was refused (事件导入错误).
///
/// Every case carries the 1-based line number, so that `waihu events import` can list all bad
/// lines of a file at once and the user can fix them in an editor.
public enum EventImportError: Error, Equatable, Sendable {
    /// Not JSON at all, or cut off.
    case malformedJSON(line: Int, reason: String)
    /// Valid JSON, but not an object (`[…]`, `"text"`, `42`).
    case notAnObject(line: Int)
    /// No `"type"` field.
    case missingType(line: Int)
    /// A `"type"` no event has.
    case unknownType(line: Int, type: String)
    /// A required field is absent or null.
    case missingField(line: Int, type: String, field: String)
    /// A field is there but its value is wrong: bad type, unknown enum value, bad time,
    /// or inconsistent with another field (an end before its start).
    case invalidValue(line: Int, type: String, field: String, reason: String)

    public var line: Int {
        switch self {
        case .malformedJSON(let line, _), .notAnObject(let line), .missingType(let line),
             .unknownType(let line, _), .missingField(let line, _, _), .invalidValue(let line, _, _, _):
            return line
        }
    }

    /// The message shown to the user, starting with the line number.
    public var message: String {
        switch self {
        case .malformedJSON(let line, let reason):
            return "line \(line): not valid JSON (\(reason))"
        case .notAnObject(let line):
            return "line \(line): expected a JSON object {…}"
        case .missingType(let line):
            return "line \(line): missing field \"type\" (one of: \(CallCenterEvent.Kind.acceptedValues))"
        case .unknownType(let line, let type):
            return "line \(line): unknown type \"\(type)\" (expected one of: \(CallCenterEvent.Kind.acceptedValues))"
        case .missingField(let line, let type, let field):
            return "line \(line): \(type) is missing required field \"\(field)\""
        case .invalidValue(let line, let type, let field, let reason):
            return "line \(line): \(type) field \"\(field)\" \(reason)"
        }
    }
}

extension EventImportError: CustomStringConvertible {
    public var description: String { message }
}
