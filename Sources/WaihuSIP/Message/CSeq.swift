/// The CSeq header: sequence number and method (RFC 3261 §20.16).
public struct CSeq: Sendable, Equatable, CustomStringConvertible {
    public var number: UInt32
    public var method: SIPMethod

    public init(_ number: UInt32, _ method: SIPMethod) {
        self.number = number
        self.method = method
    }

    public init(parsing text: String) throws {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        // The number must fit 32 bits (RFC 3261 §8.1.1.5); RFC 4475 tests bigger ones.
        guard parts.count == 2, let number = UInt32(parts[0]),
              parts[1].allSatisfy(\.isSIPTokenCharacter) else {
            throw SIPParseError.invalidCSeq(text)
        }
        self.init(number, SIPMethod(String(parts[1])))
    }

    public var description: String { "\(number) \(method)" }
}
