/// An incremental RFC 4180 reader: feed it chunks of UTF-8 bytes as they are read
/// from a file, and it returns the records completed so far. Memory holds one record,
/// whatever the size of the file.
///
/// Handles quoted cells with doubled quotes (`""`) and line breaks inside them, CRLF,
/// LF and CR line ends, a UTF-8 byte-order mark, and a missing final line break. A
/// quote inside an unquoted cell (`5"`) is kept as a character, as Excel does.
/// Blanks (spaces, tabs) between a closing quote and the comma are dropped: Chinese
/// exports write `"3985734"<TAB>,` so that Excel keeps a long number as text.
/// After a `CSVError` the reader must not be fed again.
public struct CSVReader: Sendable {
    public let delimiter: UInt8
    /// The largest record accepted, in bytes.
    public let maxRecordBytes: Int

    private enum State: Sendable {
        case fieldStart, unquoted, quoted, quoteInQuoted
        /// A quoted cell is closed and followed by blanks: only more blanks, the delimiter or a line end may come.
        case blanksAfterQuoted
    }

    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var recordBytes = 0
    private var row = 1
    private var line = 1
    private var recordLine = 1
    private var quoteLine = 1
    /// The previous record ended with CR; a LF right after it belongs to it.
    private var skipLineFeed = false
    /// Bytes of a byte-order mark matched at the start of the stream; -1 once decided.
    private var bomMatched = 0

    public init(delimiter: UInt8 = UInt8(ascii: ","), maxRecordBytes: Int = 1 << 20) {
        self.delimiter = delimiter
        self.maxRecordBytes = maxRecordBytes
        field.reserveCapacity(64)
    }

    public mutating func feed(_ bytes: [UInt8]) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        try bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            if bomMatched >= 0 {
                start = try skipByteOrderMark(buffer, into: &records)
            }
            try process(UnsafeBufferPointer(rebasing: buffer[start...]), into: &records)
        }
        return records
    }

    /// Ends the input: returns the last record when the file does not end with a line
    /// break, or throws if a quoted cell is still open.
    public mutating func finish() throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        if bomMatched > 0 {
            let partial = Array(Self.byteOrderMark.prefix(bomMatched))
            bomMatched = -1
            try partial.withUnsafeBufferPointer { try process($0, into: &records) }
        }
        switch state {
        case .quoted:
            throw CSVError.unclosedQuote(row: row, line: quoteLine)
        case .unquoted, .quoteInQuoted, .blanksAfterQuoted:
            try endField()
            endRecord(into: &records)
        case .fieldStart:
            if !fields.isEmpty {
                try endField()
                endRecord(into: &records)
            }
        }
        state = .fieldStart
        return records
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Consumes the mark, even when a chunk boundary splits it, and returns where the
    /// data starts. Bytes that only looked like the start of a mark are read as data.
    private mutating func skipByteOrderMark(_ buffer: UnsafeBufferPointer<UInt8>, into records: inout [CSVRecord]) throws -> Int {
        var index = 0
        while bomMatched >= 0, bomMatched < 3, index < buffer.count {
            if buffer[index] == Self.byteOrderMark[bomMatched] {
                bomMatched += 1
                index += 1
            } else {
                let partial = Array(Self.byteOrderMark.prefix(bomMatched))
                bomMatched = -1
                try partial.withUnsafeBufferPointer { try process($0, into: &records) }
            }
        }
        if bomMatched == 3 { bomMatched = -1 }
        return index
    }

    private mutating func process(_ buffer: UnsafeBufferPointer<UInt8>, into records: inout [CSVRecord]) throws {
        let quote = UInt8(ascii: "\"")
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        let delimiter = self.delimiter
        let count = buffer.count
        var index = 0
        while index < count {
            let byte = buffer[index]
            if skipLineFeed {
                skipLineFeed = false
                if byte == lineFeed {
                    index += 1
                    continue
                }
            }
            switch state {
            case .fieldStart:
                if byte == quote {
                    state = .quoted
                    quoteLine = line
                    index += 1
                } else if byte == delimiter {
                    try endField()
                    index += 1
                } else if byte == lineFeed || byte == carriageReturn {
                    try endField()
                    endLine(carriageReturn: byte == carriageReturn, into: &records)
                    index += 1
                } else {
                    state = .unquoted
                }
            case .unquoted:
                // The common case: copy a run of ordinary bytes in one go.
                var end = index
                while end < count {
                    let next = buffer[end]
                    if next == delimiter || next == lineFeed || next == carriageReturn { break }
                    end += 1
                }
                try append(buffer, from: index, to: end)
                index = end
                if end < count {
                    try endField()
                    if buffer[end] == delimiter {
                        state = .fieldStart
                    } else {
                        endLine(carriageReturn: buffer[end] == carriageReturn, into: &records)
                    }
                    index += 1
                }
            case .quoted:
                var end = index
                while end < count, buffer[end] != quote {
                    if buffer[end] == lineFeed { line += 1 }
                    end += 1
                }
                try append(buffer, from: index, to: end)
                index = end
                if end < count {
                    state = .quoteInQuoted
                    index += 1
                }
            case .quoteInQuoted:
                if byte == quote {
                    // A doubled quote stands for one quote inside the cell.
                    field.append(quote)
                    state = .quoted
                } else if byte == delimiter {
                    try endField()
                    state = .fieldStart
                } else if byte == lineFeed || byte == carriageReturn {
                    try endField()
                    endLine(carriageReturn: byte == carriageReturn, into: &records)
                } else if byte == space || byte == tab {
                    state = .blanksAfterQuoted
                } else {
                    throw CSVError.brokenQuote(row: row, line: line)
                }
                index += 1
            case .blanksAfterQuoted:
                if byte == delimiter {
                    try endField()
                    state = .fieldStart
                } else if byte == lineFeed || byte == carriageReturn {
                    try endField()
                    endLine(carriageReturn: byte == carriageReturn, into: &records)
                } else if byte != space && byte != tab {
                    throw CSVError.brokenQuote(row: row, line: line)
                }
                index += 1
            }
        }
    }

    @inline(__always)
    private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) throws {
        guard end > start else { return }
        recordBytes += end - start
        if recordBytes > maxRecordBytes {
            throw CSVError.recordTooLong(row: row, line: recordLine, limit: maxRecordBytes)
        }
        field.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
    }

    private mutating func endField() throws {
        // Each cell counts one byte more, so that a line of nothing but commas is bounded too.
        recordBytes += 1
        if recordBytes > maxRecordBytes {
            throw CSVError.recordTooLong(row: row, line: recordLine, limit: maxRecordBytes)
        }
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endLine(carriageReturn: Bool, into records: inout [CSVRecord]) {
        endRecord(into: &records)
        line += 1
        recordLine = line
        skipLineFeed = carriageReturn
        state = .fieldStart
    }

    private mutating func endRecord(into records: inout [CSVRecord]) {
        let width = fields.count
        records.append(CSVRecord(row: row, line: recordLine, fields: fields))
        // The next record most likely has as many cells: allocate once, not on every growth.
        fields = []
        fields.reserveCapacity(width)
        row += 1
        recordBytes = 0
    }
}
