/// The encodings a lead list may come in. Excel on Chinese Windows saves "CSV" in
/// GBK (a subset of GB18030); "CSV UTF-8" and most other tools save UTF-8.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030

    /// From a user's `--encoding` value: `utf-8`/`utf8`, or `gbk`/`gb2312`/`gb18030`/
    /// `cp936` (all read as GB18030, which contains the others).
    public init?(name: String) {
        switch name.lowercased().filter({ $0 != "-" && $0 != "_" && $0 != " " }) {
        case "utf8": self = .utf8
        case "gbk", "gb2312", "gb18030", "cp936", "936": self = .gb18030
        default: return nil
        }
    }
}
