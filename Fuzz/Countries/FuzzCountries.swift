// libFuzzer entry point for the country-table reader (--countries): any bytes must give a table or
// located problems, never a crash, and an accepted table must be consistent.

import Seatwise

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCountries(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = InputFile(path: "fuzz.csv", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    do {
        let table = try CountryTable.load(file)
        precondition(!table.records.isEmpty, "an empty table accepted")
        precondition(Set(table.records.map { $0.iso3.lowercased() }).count == table.records.count, "duplicate codes accepted")
        for record in table.records {
            precondition(record.iso2.count == 2 && record.iso3.count == 3 && !record.name.isEmpty)
            precondition(record.region.map(CountryTable.regions.contains) ?? true, "a region outside the five groups")
            precondition(record.development.map(CountryTable.developmentStatuses.contains) ?? true)
            precondition(table.lookup(record.iso3) == record, "a code that does not find its own row")
        }
    } catch let error as InputError {
        for problem in error.diagnostics {
            precondition((problem.line ?? 1) >= 1 && (problem.column ?? 1) >= 1 && !problem.message.isEmpty, "\(problem)")
        }
    } catch {
        preconditionFailure("an error that is not an InputError: \(error)")
    }
    return 0
}

/// SwiftPM links an executable's entry point as FuzzCountries_main; it hands control to libFuzzer's driver.
@_cdecl("FuzzCountries_main")
public func fuzzCountriesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzCountries)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt
