import WaihuDomain

/// The days a report covers, first and last included, on the center's local calendar.
public struct ReportPeriod: Sendable, Equatable {
    public var from: CalendarDay
    public var to: CalendarDay

    public init(from: CalendarDay, to: CalendarDay) throws {
        guard from <= to else { throw ReportRequestError.invalidParameter("from", "\(from) is after to (\(to))") }
        self.from = from
        self.to = to
    }

    /// Parses `from` and `to` as given to the API and the CLI; a 400 names the bad one.
    public init(from fromText: String?, to toText: String?) throws {
        guard let fromText, !fromText.isEmpty else { throw ReportRequestError.missingParameter("from") }
        guard let from = CalendarDay(fromText) else {
            throw ReportRequestError.invalidParameter("from", "\"\(fromText)\" is not a date like 2026-11-02")
        }
        let to: CalendarDay
        if let toText, !toText.isEmpty {
            guard let parsed = CalendarDay(toText) else {
                throw ReportRequestError.invalidParameter("to", "\"\(toText)\" is not a date like 2026-11-02")
            }
            to = parsed
        } else {
            to = from
        }
        try self.init(from: from, to: to)
    }
}
