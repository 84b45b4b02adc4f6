import Foundation
import Vapor
import WaihuDomain

/// A lead as the API shows it.
public struct LeadView: Content, Sendable, Equatable {
    public var id: Int
    public var phoneKey: String
    public var phone: String
    public var extensionNumber: String?
    public var name: String?
    public var plate: String?
    public var carModel: String?
    public var vin: String?
    public var engineNumber: String?
    public var expiryDate: String?
    public var compulsoryExpiryDate: String?
    public var firstRegistrationDate: String?
    public var renewalDate: String?
    public var extras: [LeadExtraField]
    public var batchID: Int
    public var batch: String
    public var source: String
    public var status: String
    public var updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, phoneKey = "phone_key", phone, extensionNumber = "extension", name, plate, carModel = "car_model", vin,
             engineNumber = "engine_number", expiryDate = "expiry_date", compulsoryExpiryDate = "compulsory_expiry_date",
             firstRegistrationDate = "first_registration_date", renewalDate = "renewal_date", extras,
             batchID = "batch_id", batch, source, status, updatedAt = "updated_at"
    }

    init(_ record: LeadRecord, batch: String, source: String) throws {
        id = try record.requireID()
        phoneKey = record.phoneKey
        phone = record.phone
        extensionNumber = record.extensionNumber
        name = record.name
        plate = record.plate
        carModel = record.carModel
        vin = record.vin
        engineNumber = record.engineNumber
        expiryDate = record.expiryDate
        compulsoryExpiryDate = record.compulsoryExpiryDate
        firstRegistrationDate = record.firstRegistrationDate
        renewalDate = record.renewalDate
        extras = record.extras
        batchID = record.batchID
        self.batch = batch
        self.source = source
        status = record.statusName
        updatedAt = record.updatedAt
    }
}

/// One entry of a lead's history.
public struct LeadHistoryView: Content, Sendable {
    public var at: Date
    public var actor: String
    public var field: String
    public var old: String?
    public var new: String?
}
