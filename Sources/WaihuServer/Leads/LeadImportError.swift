import WaihuDomain

/// Why an import was refused before or while reading the file. Errors from reading the
/// file itself (`LeadFileError`, `CSVError`, `ColumnMappingError`…) pass through unchanged.
public enum LeadImportError: Error, Equatable, Sendable, CustomStringConvertible {
    case batchExists(String)
    case emptyName(String)
    case negativeCost(Double)
    /// The database does not speak SQL (waihu runs on SQLite or PostgreSQL only).
    case notSQL

    public var message: String {
        switch self {
        case .batchExists(let name):
            return "a batch named '\(name)' already exists; give this import another --batch name"
        case .emptyName(let what):
            return "the \(what) name is empty"
        case .negativeCost(let cost):
            return "the cost per lead cannot be negative (\(cost))"
        case .notSQL:
            return "lead lists are imported into SQLite or PostgreSQL only"
        }
    }

    public var description: String { message }
}

/// The message a list manager sees for any error an import can end with.
public func leadImportMessage(_ error: Error) -> String {
    switch error {
    case let error as LeadImportError: return error.message
    case let error as LeadFileError: return error.message
    case let error as CSVError: return error.message
    case let error as ColumnMappingError: return error.message
    case let error as CustomStringConvertible: return error.description
    default: return "\(error)"
    }
}
