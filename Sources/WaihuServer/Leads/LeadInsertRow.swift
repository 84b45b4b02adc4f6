import Foundation
import WaihuDomain

/// The column values of one imported row of `leads`, in `columns` order, as both
/// import stores write them. Batch, status and timestamps are the same for every
/// row of an import and are added by the store.
///
/// The text columns are packed as UTF-8 into one byte buffer, built on the side of the
/// import that parses the file: the SQLite writer then binds slices of it without copying
/// (`SQLitePreparedStatement.withPacked`), which keeps work off the writer's thread, the
/// slower side of the import.
struct LeadInsertRow: Sendable {
    static let columns = ["phone_key", "phone", "extension", "name", "plate", "car_model", "vin", "engine_number",
                          "expiry_date", "compulsory_expiry_date", "first_registration_date", "renewal_date",
                          "extras", "batch_id", "status", "created_at", "updated_at"]

    /// How many of `columns` are texts packed here (`phone_key` … `extras`).
    static let textCount = 13

    /// The texts' UTF-8 bytes, one after the other.
    private(set) var bytes: [UInt8] = []
    /// Per text: its end offset in `bytes`, or -1 for NULL (then it takes no bytes).
    private(set) var ends: [Int32] = []

    /// The phone key (`phone_key`, the first column).
    let key: String

    init(_ row: LeadRow, number: PhoneNumber) {
        let key = number.key
        self.key = key
        bytes.reserveCapacity(160)
        ends.reserveCapacity(Self.textCount)
        // Column by column rather than through an array of the texts: one allocation less per row.
        append(key)
        append(Self.trimmedPhone(row.rawPhone))
        append(number.extensionNumber)
        append(row.name)
        append(row.plate?.value)
        append(row.carModel)
        append(row.vin)
        append(row.engineNumber)
        append(row.expiryDate?.isoString)
        append(row.compulsoryExpiryDate?.isoString)
        append(row.firstRegistrationDate?.isoString)
        append(row.renewalDate?.isoString)
        ExtraFieldsJSON.append(row.extras, to: &bytes)
        ends.append(Int32(bytes.count))
    }

    private mutating func append(_ text: String?) {
        guard var text else {
            ends.append(-1)
            return
        }
        text.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(Int32(bytes.count))
    }

    /// The text columns as strings; nil is NULL (for the stores that bind strings).
    var texts: [String?] {
        var start = 0
        return ends.map { end in
            guard end >= 0 else { return nil }
            defer { start = Int(end) }
            return String(decoding: bytes[start..<Int(end)], as: UTF8.self)
        }
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
