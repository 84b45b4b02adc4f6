import Fluent
import Foundation

/// A learned carrier announcement (提示音): its label (a `CallCause` raw value), the
/// carrier and name the list manager gave it, and the audio fingerprint the analyser
/// matches calls against. A removed one keeps its row without the fingerprint.
public final class AnnouncementRecord: Model, @unchecked Sendable {
    public static let schema = "announcements"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "label") public var label: String
    @OptionalField(key: "carrier") public var carrier: String?
    @Field(key: "name") public var name: String
    @OptionalField(key: "fingerprint") public var fingerprint: Data?
    @Field(key: "duration_seconds") public var durationSeconds: Double
    /// Where it was learned from: `file NAME.wav` or `call CALL-ID`.
    @Field(key: "source") public var source: String
    @OptionalField(key: "source_call_id") public var sourceCallID: String?
    @Field(key: "created_by") public var createdBy: String
    /// Seconds since 1970, as the call tables keep times.
    @Field(key: "created_at") public var createdAt: Double
    @OptionalField(key: "removed_by") public var removedBy: String?
    @OptionalField(key: "removed_at") public var removedAt: Double?

    public init() {}

    public init(label: String, carrier: String?, name: String, fingerprint: Data, durationSeconds: Double,
                source: String, sourceCallID: String?, createdBy: String, createdAt: Date) {
        self.label = label
        self.carrier = carrier
        self.name = name
        self.fingerprint = fingerprint
        self.durationSeconds = durationSeconds
        self.source = source
        self.sourceCallID = sourceCallID
        self.createdBy = createdBy
        self.createdAt = createdAt.timeIntervalSince1970
    }
}
