/// Fresh random tokens for branches, tags and Call-IDs. Random rather than counters so
/// that two waihu processes behind one trunk never collide.
public enum SIPIdentifiers {
    public static func branch() -> String { Via.magicCookie + randomHex(16) }
    public static func tag() -> String { randomHex(10) }
    public static func callID(host: String) -> String { "\(randomHex(20))@\(host)" }

    public static func randomHex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[Int.random(in: 0..<16)] })
    }
}
