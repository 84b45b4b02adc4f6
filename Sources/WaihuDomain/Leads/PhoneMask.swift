/// A number as an agent's screen shows it by default (号码隐藏): enough to recognise, not
/// enough to copy. `13800138000` → `138****8000`; `02162345678` → `021****5678`. The full
/// number stays in waihu, which dials it for the agent.
public enum PhoneMask {
    public static func masked(_ number: String) -> String {
        let digits = Array(number.filter(\.isNumber))
        guard digits.count >= 7 else { return String(repeating: "*", count: digits.count) }
        let head = digits.first == "1" ? 3 : (digits.count >= 11 ? 3 : 2)
        return String(digits[0..<head]) + "****" + String(digits[(digits.count - 4)...])
    }
}
