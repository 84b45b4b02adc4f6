/// What the classifier needs to know about numbers outside the file. The server
/// answers from the database, typically for a batch of keys at a time.
public protocol PhoneKeyLookup {
    /// The key (`PhoneNumber.key`) is on the do-not-call list (拒访名单).
    func isOnDoNotCallList(_ key: String) -> Bool
    /// A lead with this key is already in the system.
    func existsInSystem(_ key: String) -> Bool
}

/// A lookup over two sets of keys, e.g. those a batch query returned.
public struct PhoneKeySets: PhoneKeyLookup, Sendable {
    public var doNotCall: Set<String>
    public var existing: Set<String>

    public init(doNotCall: Set<String> = [], existing: Set<String> = []) {
        self.doNotCall = doNotCall
        self.existing = existing
    }

    public func isOnDoNotCallList(_ key: String) -> Bool { doNotCall.contains(key) }
    public func existsInSystem(_ key: String) -> Bool { existing.contains(key) }
}
