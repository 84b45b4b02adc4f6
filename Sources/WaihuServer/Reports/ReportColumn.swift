import Vapor
import WaihuDomain

/// One column of a report: a KPI of `KPICatalog` or a plain figure, with its unit.
public struct ReportColumn: Content, Sendable, Equatable {
    public var id: String
    public var title: String
    public var englishTitle: String
    public var unit: KPIUnit

    enum CodingKeys: String, CodingKey {
        case id, title, unit
        case englishTitle = "english_title"
    }

    /// A column named after its KPI in the catalog; `id` must be there.
    static func kpi(_ id: String) -> ReportColumn {
        guard let definition = KPICatalog.definition(id: id) else {
            preconditionFailure("\(id) is not in KPICatalog")
        }
        return ReportColumn(id: id, title: definition.chineseName, englishTitle: definition.englishName, unit: definition.unit)
    }

    /// The column of one part of a KPI split by a stored enum (示忙时长 by reason, 客户代表数
    /// by skill): id `kpi_part`, titles "示忙时长·用餐" / "not-ready time: meal".
    static func kpi<Part: StoredEnum>(_ id: String, part: Part, chineseName: String) -> ReportColumn {
        let whole = kpi(id)
        return ReportColumn(id: partID(id, part), title: "\(whole.title)·\(chineseName)",
                            englishTitle: "\(whole.englishTitle): \(part.rawValue.replacingOccurrences(of: "_", with: " "))",
                            unit: whole.unit)
    }

    static func partID<Part: StoredEnum>(_ id: String, _ part: Part) -> String { "\(id)_\(part.rawValue)" }

    static func figure(_ id: String, _ title: String, _ english: String, _ unit: KPIUnit) -> ReportColumn {
        ReportColumn(id: id, title: title, englishTitle: english, unit: unit)
    }
}

extension KPIUnit: Content {}
