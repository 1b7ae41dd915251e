// libFuzzer entry point for the policy reader: any bytes must give a policy or located problems, never
// a crash; an accepted policy must be internally consistent.

import Seatwise

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicy(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = InputFile(path: "fuzz.yaml", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    do {
        let policy = try PolicyReader().read(file)
        precondition(!policy.seats.isEmpty && policy.seats.allSatisfy { $0.seats >= 1 })
        for quota in policy.quotas {
            precondition(quota.min != nil || quota.max != nil)
            if case .group(let g) = quota.scope { precondition(policy.groups.contains(g)) }
        }
    } catch let error as InputError {
        precondition(!error.diagnostics.isEmpty, "an error without problems")
    } catch {
        preconditionFailure("an error that is not an InputError: \(error)")
    }
    return 0
}

/// SwiftPM links an executable's entry point as FuzzPolicy_main; it hands control to libFuzzer's driver.
@_cdecl("FuzzPolicy_main")
public func fuzzPolicyMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzPolicy)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt
