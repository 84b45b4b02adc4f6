/// Decides, row by row, whether a lead list's row is imported. The checks run in the
/// order of issue 4: a valid phone (else `invalid_phone`), not on the do-not-call
/// list (else `dnc`), not already a lead nor earlier in the same file (else
/// `duplicate`: the first occurrence wins).
///
/// The classifier remembers the keys it imported. A server that stores leads batch
/// by batch can call `forgetImportedKeys()` once a batch is committed, because from
/// then on `existsInSystem` finds those keys; memory then stays bounded by the batch
/// size instead of growing with the file.
public struct LeadRowClassifier: Sendable {
    public private(set) var importedKeys: Set<String> = []

    public init() {}

    public mutating func classify(_ phone: Result<PhoneNumber, PhoneNumberError>, lookup: some PhoneKeyLookup) -> ImportRowOutcome {
        guard case .success(let number) = phone else { return .rejected(.invalidPhone) }
        let key = number.key
        if lookup.isOnDoNotCallList(key) { return .rejected(.doNotCall) }
        if importedKeys.contains(key) || lookup.existsInSystem(key) { return .rejected(.duplicate) }
        importedKeys.insert(key)
        return .imported(number)
    }

    public mutating func classify(_ row: LeadRow, lookup: some PhoneKeyLookup) -> ImportRowOutcome {
        classify(row.phone, lookup: lookup)
    }

    public mutating func forgetImportedKeys() {
        importedKeys.removeAll(keepingCapacity: true)
    }
}
