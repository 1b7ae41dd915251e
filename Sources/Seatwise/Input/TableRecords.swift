// A small table read whole, from a CSV file or an .xlsx workbook alike: its records with their places,
// the sheet (for messages naming cells), notes, and every problem. Compositions and other tools' files
// use it; the nominations reader streams its rows instead.

struct TableRecords {
    var records: [CSVRecord] = []
    var sheet: String?
    var notes: [String] = []
    var problems: [InputDiagnostic] = []

    init(_ file: InputFile, maximumColumns: Int = NominationsReader.maximumColumns) {
        if WorkbookTable.isWorkbook(file) {
            let (table, tableProblems) = WorkbookTable.read(file, maximumColumns: maximumColumns)
            problems = tableProblems
            if let table { (records, sheet, notes) = (table.records, table.sheet, table.notes) }
            return
        }
        if let sheet = file.sheet {
            problems = [InputDiagnostic(file: file.path, message: "--sheet \(Quote.value(sheet)) names a worksheet, but this is a CSV file, not an .xlsx workbook")]
            return
        }
        if let kind = BinaryFile.kind(file.bytes) {
            problems = [BinaryFile.problem(kind, path: file.path, expected: "a CSV text file or an .xlsx workbook", howTo: BinaryFile.saveAsCSV)]
            return
        }
        var tokenizer = CSVTokenizer(file: file.path)
        tokenizer.delimiter = CSVTokenizer.sniffDelimiter(file.bytes)
        (records, problems) = tokenizer.parse(file.bytes)
    }

    /// A problem at a place of this table (a cell in a workbook, a line and column in a CSV).
    func diagnostic(_ file: InputFile, line: Int?, column: Int?, key: String?, _ message: String) -> InputDiagnostic {
        InputDiagnostic(file: file.path, line: line, column: column, key: key, message: message, sheet: sheet)
    }
}
