import Foundation
import WaihuDomain

/// The column values of one imported row of `leads`, in `columns` order, as both
/// import stores write them. Batch, status and timestamps are the same for every
/// row of an import and are added by the store.
struct LeadInsertRow: Sendable {
    static let columns = ["phone_key", "phone", "extension", "name", "plate", "car_model", "vin", "engine_number",
                          "expiry_date", "compulsory_expiry_date", "first_registration_date", "renewal_date",
                          "extras", "batch_id", "status", "created_at", "updated_at"]

    /// The text columns, `phone_key` … `extras`; nil is NULL.
    var texts: [String?]

    init(_ row: LeadRow, number: PhoneNumber) {
        texts = [
            number.key, Self.trimmedPhone(row.rawPhone), number.extensionNumber,
            row.name, row.plate?.value, row.carModel, row.vin, row.engineNumber,
            row.expiryDate?.isoString, row.compulsoryExpiryDate?.isoString,
            row.firstRegistrationDate?.isoString, row.renewalDate?.isoString,
            ExtraFieldsJSON.encode(row.extras),
        ]
    }

    /// The phone cell without surrounding blanks (Foundation's `.whitespaces`). Almost
    /// every cell starts and ends with a visible ASCII character and is kept as it is,
    /// without Foundation's slower walk over its characters.
    static func trimmedPhone(_ raw: String) -> String {
        let utf8 = raw.utf8
        if let first = utf8.first, let last = utf8.last,
           (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return raw
        }
        return raw.trimmingCharacters(in: .whitespaces)
    }
}
