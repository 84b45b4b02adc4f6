import Foundation

/// Reads the rows of a worksheet from its XML, fed chunk by chunk:
/// `<row r="2"><c r="B2" t="s" s="3"><v>5</v></c>…</row>`. Cells come back as the text a user
/// sees (`WorksheetCellText`).
///
/// A sheet of 200,000 rows holds some 7 million tags. The general `XMLPullScanner` made a token
/// of each and looked up every attribute by name again; this scanner reads a tag and its
/// attributes in one pass over the bytes, keeps a cell's text as bytes, and makes one `String`
/// per cell. Around the cells it skips what XML allows (processing instructions, comments, a
/// DOCTYPE), ignores namespace prefixes (`x:c` is `c`), takes CDATA literally, decodes entities
/// and Office's `_xHHHH_` escapes (`XMLText`), and leaves out phonetic guides (`<rPh>`).
struct WorksheetRowScanner {
    /// What a cell's bytes read as (shared strings, date styles and the date system).
    var cells = WorksheetCellText()

    private var buffer: [UInt8] = []
    private var position = 0
    // The row and the cell being read; either may span chunks.
    private var rowNumber = 0
    private var inRow = false
    private var row: [String] = []
    private var inCell = false
    private var column = 0
    private var kind = WorksheetCellText.Kind.number
    private var style = 0
    private var capturing = false
    private var inPhonetic = false
    /// The cell's text while it is one run of plain bytes in the buffer, valid until `scan` returns.
    private var valueInBuffer: Range<Int>?
    /// The cell's text otherwise: decoded, in several pieces, or carried over to the next chunk.
    private var value: [UInt8] = []

    /// The elements that matter; every other one is passed over.
    private enum Element {
        case row, cell, value, text, phonetic, other
    }

    var isInsideRow: Bool { inRow }

    /// True when nothing but white space is left unread: the end of a complete document.
    var remainderIsBlank: Bool {
        buffer[position...].allSatisfy(XMLByte.isSpace)
    }

    mutating func append(_ chunk: Data) {
        if position > 0, position >= buffer.count / 2 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        buffer.append(contentsOf: chunk)
    }

    /// Adds to `rows` every row completed by the bytes appended so far. A tag cut by the end
    /// of the bytes is read again once the next chunk is appended.
    mutating func scan(into rows: inout [XLSXRow]) throws {
        // A second reference, not a copy: the loop reads the bytes while it changes the row state.
        let bytes = buffer
        let end = try bytes.withUnsafeBufferPointer { bytes in
            defer { keepValue(bytes) }
            return try scan(bytes, from: position, into: &rows)
        }
        position = end
    }

    // MARK: - Tags

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into rows: inout [XLSXRow]) throws -> Int {
        let count = bytes.count
        var index = start
        while index < count {
            guard bytes[index] == XMLByte.lt else {
                guard let stop = find(XMLByte.lt, in: bytes, from: index) else { return index }
                if capturing { appendText(bytes, index..<stop, literal: false) }
                index = stop
                continue
            }
            guard index + 1 < count else { return index }
            switch bytes[index + 1] {
            case XMLByte.question:
                guard let stop = find(XMLByte.instructionClose, in: bytes, from: index + 2) else { return index }
                index = stop + XMLByte.instructionClose.count
            case XMLByte.bang:
                guard let stop = try markup(bytes, at: index) else { return index }
                index = stop
            case XMLByte.slash:
                guard let stop = find(XMLByte.gt, in: bytes, from: index + 2) else { return index }
                try endTag(element(bytes, from: index + 2, to: stop).element, bytes, rows: &rows)
                index = stop + 1
            default:
                guard let stop = try startTag(bytes, at: index + 1, rows: &rows) else { return index }
                index = stop + 1
            }
        }
        return index
    }

    /// `<!--…-->`, `<![CDATA[…]]>` or `<!DOCTYPE …>` at `start`: the index after it, nil when incomplete.
    private mutating func markup(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) throws -> Int? {
        if startsWith(XMLByte.commentOpen, in: bytes, at: start) {
            return find(XMLByte.commentClose, in: bytes, from: start + XMLByte.commentOpen.count).map { $0 + XMLByte.commentClose.count }
        }
        if startsWith(XMLByte.cdataOpen, in: bytes, at: start) {
            let textStart = start + XMLByte.cdataOpen.count
            guard let stop = find(XMLByte.cdataClose, in: bytes, from: textStart) else { return nil }
            if capturing { appendText(bytes, textStart..<stop, literal: true) }
            return stop + XMLByte.cdataClose.count
        }
        let available = UnsafeBufferPointer(rebasing: bytes[start...])
        if available.count < XMLByte.cdataOpen.count,
           XMLByte.cdataOpen.starts(with: available) || XMLByte.commentOpen.starts(with: available) {
            return nil
        }
        // <!DOCTYPE …>: spreadsheets carry none worth reading (and no entities to define).
        return find(XMLByte.gt, in: bytes, from: start + 2).map { $0 + 1 }
    }

    /// Reads the start tag whose name begins at `start`, with its attributes, and acts on it.
    /// Returns the index of its `>`, or nil when the tag is not complete yet (nothing changed).
    private mutating func startTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, rows: inout [XLSXRow]) throws -> Int? {
        let count = bytes.count
        var index = start
        while index < count, !XMLByte.isSpace(bytes[index]), bytes[index] != XMLByte.slash, bytes[index] != XMLByte.gt { index += 1 }
        guard index < count else { return nil }
        let (element, nameIsEmpty) = element(bytes, from: start, to: index)
        if nameIsEmpty { throw XLSXReadError.malformedXML("a tag without a name") }
        var reference: Range<Int>?
        var typeValue: Range<Int>?
        var styleValue: Range<Int>?
        let isEmpty: Bool
        while true {
            while index < count, XMLByte.isSpace(bytes[index]) { index += 1 }
            guard index < count else { return nil }
            if bytes[index] == XMLByte.gt {
                isEmpty = false
                break
            }
            if bytes[index] == XMLByte.slash {
                guard index + 1 < count else { return nil }
                guard bytes[index + 1] == XMLByte.gt else { throw XLSXReadError.malformedXML("a stray / in a tag") }
                isEmpty = true
                index += 1
                break
            }
            let nameStart = index
            var localStart = index
            while index < count, bytes[index] != XMLByte.equals, !XMLByte.isSpace(bytes[index]), bytes[index] != XMLByte.gt, bytes[index] != XMLByte.slash {
                if bytes[index] == XMLByte.colon { localStart = index + 1 }
                index += 1
            }
            let nameEnd = index
            while index < count, XMLByte.isSpace(bytes[index]) { index += 1 }
            guard index < count else { return nil }
            guard bytes[index] == XMLByte.equals, nameEnd > nameStart else {
                throw XLSXReadError.malformedXML("an attribute without a value")
            }
            index += 1
            while index < count, XMLByte.isSpace(bytes[index]) { index += 1 }
            guard index < count else { return nil }
            let delimiter = bytes[index]
            guard delimiter == XMLByte.quote || delimiter == XMLByte.apostrophe else {
                throw XLSXReadError.malformedXML("an attribute value without quotes")
            }
            guard let valueEnd = find(delimiter, in: bytes, from: index + 1) else { return nil }
            if nameEnd - localStart == 1, element == .row || element == .cell {
                let valueRange = index + 1..<valueEnd
                switch bytes[localStart] {
                case letterR: reference = valueRange
                case letterT: typeValue = valueRange
                case letterS: styleValue = valueRange
                default: break
                }
            }
            index = valueEnd + 1
        }

        switch element {
        case .row:
            rowNumber = reference.flatMap { attribute(bytes, $0, WorksheetCellText.integer) } ?? rowNumber + 1
            if isEmpty {
                rows.append(XLSXRow(number: rowNumber, cells: []))
            } else {
                row = []
                row.reserveCapacity(16)
                inRow = true
            }
        case .cell:
            guard inRow else { break }
            column = reference.flatMap { attribute(bytes, $0, WorksheetCellText.columnIndex) } ?? row.count
            kind = typeValue.map { attribute(bytes, $0, WorksheetCellText.Kind.init) } ?? .number
            style = styleValue.flatMap { attribute(bytes, $0, WorksheetCellText.integer) } ?? 0
            if !value.isEmpty { value.removeAll(keepingCapacity: true) }
            valueInBuffer = nil
            capturing = false
            inPhonetic = false
            inCell = !isEmpty
            if isEmpty { place("") }
        case .value, .text:
            if inCell, !isEmpty, !inPhonetic { capturing = true }
        case .phonetic:
            if inCell, !isEmpty {
                inPhonetic = true
                capturing = false
            }
        case .other:
            break
        }
        return index
    }

    private mutating func endTag(_ element: Element, _ bytes: UnsafeBufferPointer<UInt8>, rows: inout [XLSXRow]) throws {
        switch element {
        case .value, .text:
            capturing = false
        case .phonetic:
            inPhonetic = false
        case .cell:
            guard inCell else { return }
            inCell = false
            capturing = false
            defer { valueInBuffer = nil }
            let text: String
            if let range = valueInBuffer {
                text = try cells.text(of: UnsafeBufferPointer(rebasing: bytes[range]), kind: kind, style: style, row: rowNumber)
            } else {
                text = try value.withUnsafeBufferPointer { try cells.text(of: $0, kind: kind, style: style, row: rowNumber) }
            }
            place(text)
        case .row:
            guard inRow else { return }
            inRow = false
            rows.append(XLSXRow(number: rowNumber, cells: row))
        case .other:
            break
        }
    }

    /// The element named by the bytes from `start` to `end` (a prefix dropped, white space after
    /// the name ignored), and whether the name is empty.
    private func element(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (element: Element, nameIsEmpty: Bool) {
        var localStart = start
        var stop = start
        while stop < end, !XMLByte.isSpace(bytes[stop]) {
            if bytes[stop] == XMLByte.colon { localStart = stop + 1 }
            stop += 1
        }
        switch stop - localStart {
        case 0:
            return (.other, true)
        case 1:
            switch bytes[localStart] {
            case letterC: return (.cell, false)
            case letterV: return (.value, false)
            case letterT: return (.text, false)
            default: return (.other, false)
            }
        case 3:
            if bytes[localStart] == letterR, bytes[localStart + 1] == letterO, bytes[localStart + 2] == letterW { return (.row, false) }
            if bytes[localStart] == letterR, bytes[localStart + 1] == letterCapitalP, bytes[localStart + 2] == letterH { return (.phonetic, false) }
            return (.other, false)
        default:
            return (.other, false)
        }
    }

    // MARK: - Cells

    /// Adds text to the cell's; CDATA (`literal`) has no entities or escapes to decode.
    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, literal: Bool) {
        let text = UnsafeBufferPointer(rebasing: bytes[range])
        let needsDecoding = !literal && text.contains(where: { $0 == XMLByte.ampersand || $0 == XMLByte.underscore })
        // Most cells are one run of plain text: it is read where it is, without a copy.
        if !needsDecoding, valueInBuffer == nil, value.isEmpty {
            valueInBuffer = range
            return
        }
        keepValue(bytes)
        if needsDecoding {
            value.append(contentsOf: XMLText.decode(ArraySlice(text)).utf8)
        } else {
            value.append(contentsOf: text)
        }
    }

    /// Moves the cell's text out of the buffer, before more text joins it or the buffer changes.
    private mutating func keepValue(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let range = valueInBuffer else { return }
        value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        valueInBuffer = nil
    }

    private mutating func place(_ text: String) {
        guard inRow, column < 16_384 else { return }
        if column >= row.count { row.append(contentsOf: repeatElement("", count: column - row.count + 1)) }
        row[column] = text
    }

    // MARK: - Bytes

    /// `read` applied to an attribute's value, in place; the rare value with an entity in it is decoded first.
    private func attribute<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                   _ read: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        guard raw.contains(XMLByte.ampersand) else { return read(raw) }
        return Array(XMLText.decode(ArraySlice(raw)).utf8).withUnsafeBufferPointer(read)
    }

    private func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Where `pattern` (`?>`, `-->`, `]]>`) next starts.
    private func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while let found = find(pattern[0], in: bytes, from: index) {
            if found + pattern.count > bytes.count { return nil }
            if startsWith(pattern, in: bytes, at: found) { return found }
            index = found + 1
        }
        return nil
    }

    private func startsWith(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }
}

private let letterC = UInt8(ascii: "c")
private let letterH = UInt8(ascii: "h")
private let letterO = UInt8(ascii: "o")
private let letterR = UInt8(ascii: "r")
private let letterS = UInt8(ascii: "s")
private let letterT = UInt8(ascii: "t")
private let letterV = UInt8(ascii: "v")
private let letterW = UInt8(ascii: "w")
private let letterCapitalP = UInt8(ascii: "P")
