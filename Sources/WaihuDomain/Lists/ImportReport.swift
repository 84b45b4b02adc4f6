/// The summary of a lead-list import, as the CLI prints it and the API returns it:
/// `{"rows":N, "imported":N, "invalid_phone":N, "duplicate":N, "dnc":N,
///   "rejects":[{"row":R, "reason":"…", "value":"…"}]}`, and `"header_row":R` when the
/// headers are not in row 1.
public struct ImportReport: Codable, Equatable, Sendable {
    public struct Reject: Codable, Equatable, Sendable {
        /// Spreadsheet row number, as Excel and WPS show it.
        public let row: Int
        public let reason: ImportRejectReason
        /// The phone cell as written in the file.
        public let value: String

        /// Why the value is not a number to trust, when the reason alone does not say it:
        /// a number Excel turned into `3.60723E+18` has lost its digits.
        public var note: String? {
            reason == .invalidPhone && ExcelScientificNotation.matches(value) ? ExcelScientificNotation.note : nil
        }

        private enum CodingKeys: String, CodingKey {
            case row, reason, value, note
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            row = try container.decode(Int.self, forKey: .row)
            reason = try container.decode(ImportRejectReason.self, forKey: .reason)
            value = try container.decode(String.self, forKey: .value)
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(row, forKey: .row)
            try container.encode(reason, forKey: .reason)
            try container.encode(value, forKey: .value)
            try container.encodeIfPresent(note, forKey: .note)
        }

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
    /// The spreadsheet row the headers were taken from (rows above it are not counted);
    /// encoded only when it is not row 1, the usual place.
    public var headerRow: Int?

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
        case headerRow = "header_row"
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
        headerRow = try container.decodeIfPresent(Int.self, forKey: .headerRow)
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
        if let headerRow, headerRow != 1 { try container.encode(headerRow, forKey: .headerRow) }
    }
}
