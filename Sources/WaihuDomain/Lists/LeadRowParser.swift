/// Turns the cells of one data row into a `LeadRow`, following a `ColumnMapping`.
///
/// The renewal date uses the policy expiry (保险到期日, or 交强险到期日 when that is
/// the only expiry given), then the anniversary of 初登日期 on or after `asOf`.
public struct LeadRowParser: Sendable {
    public let mapping: ColumnMapping
    /// The import's date: anniversaries of 初登日期 are counted from it.
    public let asOf: CalendarDay
    /// How date cells holding Excel serials count (a workbook's `date1904` flag).
    public let dateSystem: ExcelDateSystem

    public init(mapping: ColumnMapping, asOf: CalendarDay, dateSystem: ExcelDateSystem = .from1900) {
        self.mapping = mapping
        self.asOf = asOf
        self.dateSystem = dateSystem
    }

    /// Cells missing at the end of a short row read as empty.
    public func parse(cells: [String], row: Int) -> LeadRow {
        var lead = LeadRow(row: row, rawPhone: "", phone: .failure(.empty))
        for (column, cell) in cells.enumerated() {
            let field: LeadField?
            if column < mapping.fields.count {
                field = mapping.fields[column]
            } else {
                field = .extra(ColumnMapping.extraName(header: nil, column: column))
            }
            guard let field else { continue }
            let value = HalfWidth.trimmedString(cell)
            switch field {
            case .phone:
                lead.rawPhone = cell
                lead.phone = PhoneNumber.parse(cell)
            case .name: lead.name = text(value)
            case .plate: lead.plate = LicensePlate(value)
            case .carModel: lead.carModel = text(value)
            case .vin: lead.vin = text(value).map { LicensePlate.canonical($0) ?? $0 }
            case .engineNumber: lead.engineNumber = text(value)
            case .expiryDate: lead.expiryDate = LeadDateParser.parse(value, system: dateSystem)
            case .compulsoryExpiryDate: lead.compulsoryExpiryDate = LeadDateParser.parse(value, system: dateSystem)
            case .firstRegistrationDate: lead.firstRegistrationDate = LeadDateParser.parse(value, system: dateSystem)
            case .extra(let name):
                if !value.isEmpty { lead.extras.append(LeadExtraField(name: name, value: value)) }
            }
        }
        lead.renewalDate = RenewalDate.resolve(expiry: lead.expiryDate ?? lead.compulsoryExpiryDate,
                                               firstRegistration: lead.firstRegistrationDate, asOf: asOf)
        return lead
    }

    private func text(_ value: String) -> String? {
        value.isEmpty ? nil : value
    }
}
