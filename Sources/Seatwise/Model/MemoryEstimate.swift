// What a selection will need in memory, known before anything is built: the nominees and the model's
// nonzeros (one per nominee in its seat row, at most one per quota, since a nominee has one value). `--memory-limit` is checked against
// it, so that a run too large for the limit stops with a message instead of failing inside an allocation.

public enum MemoryEstimate {
    /// Bytes per nominee (the nominee, its standing, rank and column: Swift and GLPK) and per nonzero
    /// (the program's coefficient, GLPK's element and the MIP's working copy), and the process before
    /// the model (runtime, Foundation, the country table). Fitted to the peak memory of release
    /// `select` runs (200,000 nominees: 296 MB with 2 quotas, 423 MB with 8; 50,000: 127 MB with 8),
    /// rounded up so the estimate is 5-10% above what was measured.
    static let bytesPerNominee = 1_100
    static let bytesPerNonzero = 120
    static let baseBytes = 32 * 1024 * 1024

    public static func selectionBytes(nominees: Int, quotas: Int) -> Int {
        let nonzeros = nominees.multipliedReportingOverflow(by: 1 + quotas)
        guard !nonzeros.overflow else { return .max }
        return baseBytes + nominees * bytesPerNominee + nonzeros.partialValue * bytesPerNonzero
    }

    public static func selectionBytes(_ input: SelectionInput) -> Int {
        selectionBytes(nominees: input.nominees.count, quotas: input.policy.quotas.count)
    }
}
