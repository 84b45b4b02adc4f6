/// What happens to one data row of a lead list.
public enum ImportRowOutcome: Equatable, Sendable {
    /// The row becomes a lead with this number.
    case imported(PhoneNumber)
    case rejected(ImportRejectReason)
}
