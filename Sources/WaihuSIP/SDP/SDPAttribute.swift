/// An `a=name:value` or flag `a=name` line.
public struct SDPAttribute: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var value: String?

    public init(_ name: String, _ value: String? = nil) {
        self.name = name
        self.value = value
    }

    init(line: Substring) {
        if let colon = line.firstIndex(of: ":") {
            name = String(line[..<colon])
            value = String(line[line.index(after: colon)...])
        } else {
            name = String(line)
            value = nil
        }
    }

    public var description: String { value.map { "\(name):\($0)" } ?? name }
}
