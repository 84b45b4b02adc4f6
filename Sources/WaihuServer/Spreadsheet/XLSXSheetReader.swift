import Foundation
import WaihuDomain

/// Reads one worksheet of an .xlsx workbook row by row. (Being written: refuses for now.)
public final class XLSXSheetReader {
    public let dateSystem: ExcelDateSystem = .from1900
    public var fractionRead: Double { 0 }

    public init(url: URL, sheetName: String?) throws {
        throw LeadFileError.notASpreadsheet("an .xlsx workbook, which this build cannot read yet")
    }

    public func nextRow() throws -> XLSXRow? { nil }
}
