/// A carrier announcement a list manager taught (提示音学习): what it means (`label`, a
/// call cause such as `vacant` 空号, kept as text so that the media module needs no domain
/// types) and its fingerprint.
public struct LearnedAnnouncement: Sendable, Equatable {
    public var id: Int
    public var label: String
    public var name: String
    public var fingerprint: AudioFingerprint

    public init(id: Int, label: String, name: String, fingerprint: AudioFingerprint) {
        self.id = id
        self.label = label
        self.name = name
        self.fingerprint = fingerprint
    }
}
