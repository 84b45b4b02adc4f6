/// The summary of a lead-list import, as the CLI prints it and the API returns it:
/// `{"rows":N, "imported":N, "invalid_phone":N, "duplicate":N, "dnc":N,
///   "rejects":[{"row":R, "reason":"…", "value":"…"}]}`.
public struct ImportReport: Codable, Equatable, Sendable {
    public struct Reject: Codable, Equatable, Sendable {
        /// Spreadsheet row number (the header is row 1).
        public let row: Int
        public let reason: ImportRejectReason
        /// The phone cell as written in the file.
        public let value: String

        public init(row: Int, reason: ImportRejectReason, value: String) {
            self.row = row
            self.reason = reason
            self.value = value
        }
    }

    /// Data rows read (blank rows are not counted).
    public var rows = 0
    public var imported = 0
    public var invalidPhone = 0
    public var duplicate = 0
    public var doNotCall = 0
    public var rejects: [Reject] = []
    /// Rejects counted but not listed because `rejectListLimit` was reached; only
    /// encoded when non-zero.
    public var rejectsNotListed = 0
    /// How many rejects are listed at most (nil: all). A file of a million bad rows
    /// should not make the report a million entries long.
    public var rejectListLimit: Int?

    public init(rejectListLimit: Int? = nil) {
        self.rejectListLimit = rejectListLimit
    }

    public mutating func record(row: Int, outcome: ImportRowOutcome, rawPhone: String) {
        rows += 1
        switch outcome {
        case .imported:
            imported += 1
        case .rejected(let reason):
            switch reason {
            case .invalidPhone: invalidPhone += 1
            case .duplicate: duplicate += 1
            case .doNotCall: doNotCall += 1
            }
            if let limit = rejectListLimit, rejects.count >= limit {
                rejectsNotListed += 1
            } else {
                rejects.append(Reject(row: row, reason: reason, value: rawPhone))
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case rows, imported
        case invalidPhone = "invalid_phone"
        case duplicate
        case doNotCall = "dnc"
        case rejects
        case rejectsNotListed = "rejects_not_listed"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rows = try container.decode(Int.self, forKey: .rows)
        imported = try container.decode(Int.self, forKey: .imported)
        invalidPhone = try container.decode(Int.self, forKey: .invalidPhone)
        duplicate = try container.decode(Int.self, forKey: .duplicate)
        doNotCall = try container.decode(Int.self, forKey: .doNotCall)
        rejects = try container.decode([Reject].self, forKey: .rejects)
        rejectsNotListed = try container.decodeIfPresent(Int.self, forKey: .rejectsNotListed) ?? 0
        rejectListLimit = nil
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
        try container.encode(imported, forKey: .imported)
        try container.encode(invalidPhone, forKey: .invalidPhone)
        try container.encode(duplicate, forKey: .duplicate)
        try container.encode(doNotCall, forKey: .doNotCall)
        try container.encode(rejects, forKey: .rejects)
        if rejectsNotListed > 0 { try container.encode(rejectsNotListed, forKey: .rejectsNotListed) }
    }
}
