/// Which day an Excel date serial counts from. Workbooks made on Windows use 1900;
/// a workbook flagged `date1904` (old Mac Excel) counts from 1904-01-01.
public enum ExcelDateSystem: Sendable {
    /// Serial 1 is 1900-01-01, and serial 60 is the 1900-02-29 that Excel invents
    /// (it copied Lotus 1-2-3's leap-year bug); 25569 is 1970-01-01.
    case from1900
    /// Serial 0 is 1904-01-01.
    case from1904
}
