import WaihuDomain

/// A file of events that was refused as a whole: every bad line, nothing imported.
public struct EventImportFailure: Error, CustomStringConvertible, Sendable {
    /// The first errors, in line order (at most `EventStore.maximumReportedErrors`).
    public var errors: [EventImportError]
    /// How many lines were bad in all.
    public var badLines: Int

    public var description: String {
        let more = badLines > errors.count ? "\n… and \(badLines - errors.count) more bad lines" : ""
        return "nothing imported: \(badLines) bad line\(badLines == 1 ? "" : "s")\n"
            + errors.map(\.message).joined(separator: "\n") + more
    }
}
