/// One data row of a lead list, read but not yet checked against the do-not-call
/// list and the leads already in the system (see `LeadRowClassifier`).
public struct LeadRow: Equatable, Sendable {
    /// The spreadsheet row number; the header is row 1.
    public var row: Int
    /// The phone cell as written, reported back when the row is rejected.
    public var rawPhone: String
    public var phone: Result<PhoneNumber, PhoneNumberError>
    public var name: String?
    public var plate: LicensePlate?
    public var carModel: String?
    public var vin: String?
    public var engineNumber: String?
    public var expiryDate: CalendarDay?
    public var compulsoryExpiryDate: CalendarDay?
    public var firstRegistrationDate: CalendarDay?
    /// 续保日, from `RenewalDate.resolve`.
    public var renewalDate: CalendarDay?
    /// Non-empty cells of the columns waihu does not interpret, in column order.
    public var extras: [LeadExtraField]

    public init(row: Int, rawPhone: String, phone: Result<PhoneNumber, PhoneNumberError>, name: String? = nil,
                plate: LicensePlate? = nil, carModel: String? = nil, vin: String? = nil, engineNumber: String? = nil,
                expiryDate: CalendarDay? = nil, compulsoryExpiryDate: CalendarDay? = nil,
                firstRegistrationDate: CalendarDay? = nil, renewalDate: CalendarDay? = nil,
                extras: [LeadExtraField] = []) {
        self.row = row
        self.rawPhone = rawPhone
        self.phone = phone
        self.name = name
        self.plate = plate
        self.carModel = carModel
        self.vin = vin
        self.engineNumber = engineNumber
        self.expiryDate = expiryDate
        self.compulsoryExpiryDate = compulsoryExpiryDate
        self.firstRegistrationDate = firstRegistrationDate
        self.renewalDate = renewalDate
        self.extras = extras
    }
}
