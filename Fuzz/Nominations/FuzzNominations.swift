// libFuzzer entry point for the nominations reader: any bytes must give nominees or located problems,
// never a crash, and what it returns must be consistent.

import Seatwise

private let countries = try! CountryTable.bundled()
private let reader = NominationsReader(groups: ["Government", "Civil Society", "Technical Community"], countries: countries)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNominations(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = InputFile(path: "fuzz.csv", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let (nominations, problems) = reader.readCollectingProblems(file)
    for problem in problems {
        precondition((problem.line ?? 1) >= 1 && (problem.column ?? 1) >= 1, "a problem without a real place: \(problem)")
        precondition(!problem.message.isEmpty)
    }
    if problems.isEmpty {
        // Ids are unique in their normal form (case, width and invisible characters do not count).
        precondition(Set(nominations.nominees.map { AttributeKey.normalize($0.id) }).count == nominations.nominees.count, "duplicate ids accepted")
        precondition(nominations.columns.count <= NominationsReader.maximumColumns)
        for n in nominations.nominees {
            precondition(!n.id.isEmpty && !n.name.isEmpty && !n.gender.isEmpty && !n.region.isEmpty && !n.development.isEmpty)
            precondition(n.rank.map { $0 >= 1 } ?? true)
        }
    }
    return 0
}

/// SwiftPM links an executable's entry point as FuzzNominations_main; it hands control to libFuzzer's driver.
@_cdecl("FuzzNominations_main")
public func fuzzNominationsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzNominations)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt
