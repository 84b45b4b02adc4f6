/// A row of a list with nothing in it: no cells, or cells that are empty or hold only blanks
/// (`HalfWidth.isBlank`: spaces, tabs, the no-break and ideographic spaces, a stray byte-order
/// mark). Spreadsheets leave such rows at the end of lists; an import skips them and does not
/// count them, whether the list is a CSV file or a workbook.
public enum BlankRow {
    public static func matches(_ cells: [String]) -> Bool {
        cells.allSatisfy { HalfWidth.trimmed($0).isEmpty }
    }
}
