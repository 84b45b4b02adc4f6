import Vapor

/// What one import stored: events per type, in all.
public struct EventImportSummary: Content, Sendable {
    public var imported: Int
    public var byType: [String: Int]

    enum CodingKeys: String, CodingKey {
        case imported
        case byType = "by_type"
    }
}
