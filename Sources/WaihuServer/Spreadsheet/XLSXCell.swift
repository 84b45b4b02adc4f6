/// One cell of an exported worksheet. Numbers stay numbers, so Excel and LibreOffice
/// can sum and chart a report without converting text.
public enum XLSXCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case integer(Int)
    case empty
}

extension XLSXCell: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}
