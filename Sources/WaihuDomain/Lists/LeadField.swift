/// A column of a lead list (名单) that waihu understands. Anything else is kept as an
/// `.extra` field, shown on the lead under its header.
public enum LeadField: Hashable, Sendable {
    /// 姓名 / 客户姓名
    case name
    /// 联系电话 / 手机号码: the number that is dialled, checked and deduplicated.
    case phone
    /// 车牌号码
    case plate
    /// 厂牌车型
    case carModel
    /// 车架号 (VIN)
    case vin
    /// 发动机号
    case engineNumber
    /// 保险到期日 / 商业险到期日: decides the renewal date (续保日).
    case expiryDate
    /// 交强险到期日: used for the renewal date when no 保险到期日 is given.
    case compulsoryExpiryDate
    /// 初登日期
    case firstRegistrationDate
    /// Any other column, under its header as written in the file.
    case extra(String)

    /// The known fields, in the order they are listed to users.
    public static let known: [LeadField] = [
        .name, .phone, .plate, .carModel, .vin, .engineNumber,
        .expiryDate, .compulsoryExpiryDate, .firstRegistrationDate,
    ]

    /// The name used in `--map 'HEADER=field'` and in exports; nil for extras.
    public var fieldName: String? {
        switch self {
        case .name: return "name"
        case .phone: return "phone"
        case .plate: return "plate"
        case .carModel: return "car_model"
        case .vin: return "vin"
        case .engineNumber: return "engine_number"
        case .expiryDate: return "expiry_date"
        case .compulsoryExpiryDate: return "compulsory_expiry_date"
        case .firstRegistrationDate: return "first_registration_date"
        case .extra: return nil
        }
    }

    /// The header waihu writes for the field.
    public var chineseName: String {
        switch self {
        case .name: return "姓名"
        case .phone: return "联系电话"
        case .plate: return "车牌号码"
        case .carModel: return "厂牌车型"
        case .vin: return "车架号"
        case .engineNumber: return "发动机号"
        case .expiryDate: return "保险到期日"
        case .compulsoryExpiryDate: return "交强险到期日"
        case .firstRegistrationDate: return "初登日期"
        case .extra(let header): return header
        }
    }

    /// A known field from its field name (`car_model`, also `carModel`) or any of the
    /// headers it is recognized by (`车型`).
    public init?(fieldName: String) {
        let wanted = HeaderSynonyms.normalize(fieldName)
        let compact = wanted.filter { $0 != "_" }
        if let field = LeadField.known.first(where: { $0.fieldName!.filter { $0 != "_" } == compact }) {
            self = field
        } else if let field = HeaderSynonyms.field(forNormalizedHeader: wanted) {
            self = field
        } else {
            return nil
        }
    }
}
