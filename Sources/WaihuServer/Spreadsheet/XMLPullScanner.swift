/// A small pull scanner for the XML of an .xlsx package's smaller parts (the workbook, its
/// relationships, styles and shared strings), each read whole. Worksheets, which can be
/// large and where speed matters, have their own `WorksheetRowScanner`, fed in chunks.
///
/// It knows only what SpreadsheetML uses: elements, attributes, text, CDATA, comments,
/// processing instructions and a DOCTYPE to skip. Names are compared without their
/// namespace prefix (`x:row` is `row`), as some generators prefix every element.
/// Tokens refer to the scanner's buffer.
struct XMLPullScanner {
    enum Kind: Equatable {
        case start
        /// `<tag/>`: a start that is also its end.
        case empty
        case end
        case text
    }

    /// One token; `name` is the local name for tags, `body` the bytes between `<` and `>`
    /// (tags) or the raw text (text, CDATA already unwrapped).
    struct Token {
        let kind: Kind
        let name: Range<Int>
        let body: Range<Int>
        /// CDATA text is literal: no entities to decode.
        let isLiteral: Bool
    }

    private let buffer: [UInt8]
    private var position = 0

    /// `part`: the whole XML of one part of the package.
    init(_ part: [UInt8]) {
        buffer = part
    }

    /// The next token, or nil at the end of the part (a tag cut short ends it too).
    mutating func next() throws -> Token? {
        while position < buffer.count {
            if buffer[position] != XMLByte.lt {
                guard let stop = buffer[position...].firstIndex(of: XMLByte.lt) else { return nil }
                let token = Token(kind: .text, name: 0..<0, body: position..<stop, isLiteral: false)
                position = stop
                return token
            }
            guard position + 1 < buffer.count else { return nil }
            switch buffer[position + 1] {
            case XMLByte.question:
                guard let stop = find(XMLByte.instructionClose, from: position + 2) else { return nil }
                position = stop + XMLByte.instructionClose.count
            case XMLByte.bang:
                if startsWith(XMLByte.commentOpen, at: position) {
                    guard let stop = find(XMLByte.commentClose, from: position + XMLByte.commentOpen.count) else { return nil }
                    position = stop + XMLByte.commentClose.count
                } else if startsWith(XMLByte.cdataOpen, at: position) {
                    let start = position + XMLByte.cdataOpen.count
                    guard let stop = find(XMLByte.cdataClose, from: start) else { return nil }
                    position = stop + XMLByte.cdataClose.count
                    return Token(kind: .text, name: 0..<0, body: start..<stop, isLiteral: true)
                } else if buffer.count - position < XMLByte.cdataOpen.count,
                          XMLByte.cdataOpen.starts(with: buffer[position...]) || XMLByte.commentOpen.starts(with: buffer[position...]) {
                    return nil
                } else {
                    // <!DOCTYPE …>: spreadsheets carry none worth reading (and no entities to define).
                    guard let stop = tagEnd(from: position + 2) else { return nil }
                    position = stop + 1
                }
            default:
                guard let stop = tagEnd(from: position + 1) else { return nil }
                let bodyStart = position + 1
                position = stop + 1
                if buffer[bodyStart] == XMLByte.slash {
                    let name = localName(from: bodyStart + 1, to: stop)
                    return Token(kind: .end, name: name, body: bodyStart..<stop, isLiteral: false)
                }
                let isEmpty = buffer[stop - 1] == XMLByte.slash
                let name = localName(from: bodyStart, to: isEmpty ? stop - 1 : stop)
                if name.isEmpty { throw XLSXReadError.malformedXML("a tag without a name") }
                return Token(kind: isEmpty ? .empty : .start, name: name, body: bodyStart..<stop, isLiteral: false)
            }
        }
        return nil
    }

    func nameIs(_ token: Token, _ name: StaticString) -> Bool {
        let count = token.name.count
        guard count == name.utf8CodeUnitCount else { return false }
        let pointer = name.utf8Start
        var index = 0
        for byte in buffer[token.name] {
            if byte != pointer[index] { return false }
            index += 1
        }
        return true
    }

    /// The decoded value of an attribute of a start tag, matched by local name.
    func attribute(_ name: StaticString, of token: Token) -> String? {
        var index = token.name.upperBound
        let end = token.body.upperBound
        while index < end {
            while index < end, XMLByte.isSpace(buffer[index]) { index += 1 }
            let nameStart = index
            while index < end, buffer[index] != XMLByte.equals, !XMLByte.isSpace(buffer[index]), buffer[index] != XMLByte.slash { index += 1 }
            let nameEnd = index
            while index < end, XMLByte.isSpace(buffer[index]) { index += 1 }
            guard index < end, buffer[index] == XMLByte.equals else {
                index += 1
                continue
            }
            index += 1
            while index < end, XMLByte.isSpace(buffer[index]) { index += 1 }
            guard index < end, buffer[index] == XMLByte.quote || buffer[index] == XMLByte.apostrophe else { return nil }
            let delimiter = buffer[index]
            let valueStart = index + 1
            guard let valueEnd = buffer[valueStart..<end].firstIndex(of: delimiter) else { return nil }
            index = valueEnd + 1
            var localStart = nameStart
            if let prefixEnd = buffer[nameStart..<nameEnd].lastIndex(of: XMLByte.colon) { localStart = prefixEnd + 1 }
            if equal(localStart..<nameEnd, name) {
                return XMLText.decode(buffer[valueStart..<valueEnd])
            }
        }
        return nil
    }

    func text(of token: Token) -> String {
        token.isLiteral ? String(decoding: buffer[token.body], as: UTF8.self) : XMLText.decode(buffer[token.body])
    }

    // MARK: - Scanning

    private func equal(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let pointer = name.utf8Start
        for (offset, index) in range.enumerated() where buffer[index] != pointer[offset] { return false }
        return true
    }

    private func localName(from start: Int, to end: Int) -> Range<Int> {
        var stop = start
        var localStart = start
        while stop < end, !XMLByte.isSpace(buffer[stop]), buffer[stop] != XMLByte.slash {
            if buffer[stop] == XMLByte.colon { localStart = stop + 1 }
            stop += 1
        }
        return localStart..<stop
    }

    /// The `>` that closes a tag, skipping any inside quoted attribute values.
    private func tagEnd(from start: Int) -> Int? {
        var index = start
        var delimiter: UInt8 = 0
        while index < buffer.count {
            let byte = buffer[index]
            if delimiter != 0 {
                if byte == delimiter { delimiter = 0 }
            } else if byte == XMLByte.quote || byte == XMLByte.apostrophe {
                delimiter = byte
            } else if byte == XMLByte.gt {
                return index
            }
            index += 1
        }
        return nil
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= buffer.count {
            if buffer[index] == pattern[0], startsWith(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func startsWith(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= buffer.count else { return false }
        for offset in 0..<pattern.count where buffer[index + offset] != pattern[offset] { return false }
        return true
    }
}
