// The range of the numbers an adjustment carries, checked in one place: every edge (options, what-if
// files, the workbench's forms and JSON, adjustments read back from its record) applies this check, and
// so does a round before it applies them, so no seat count or bound from outside reaches arithmetic unchecked.

extension Adjustment {
    /// The largest seat count or bound an adjustment may give, as for counts in a policy.
    public static let maximumValue = PolicyReader.maximumCount

    /// Why this adjustment's number is out of range, in words; nil when it is within.
    public var rangeProblem: String? {
        switch self {
        case .seat, .exclude: return nil
        case .setBound(let row, let side, let value):
            return (0...Self.maximumValue).contains(value) ? nil
                : "\(row): \(side.rawValue)=\(value) must be a whole number from 0 to 1,000,000"
        case .setShare(let row, let side, let share):
            guard case .percent(let numerator, let denominator) = share, numerator >= 0, denominator > 0, numerator <= denominator else {
                return "\(row): \(side.rawValue)=\(share.description) must be a percentage from 0% to 100%"
            }
            return nil
        case .groupSeats(let group, let seats):
            return (1...Self.maximumValue).contains(seats) ? nil
                : "\(group)=\(seats): a group's seats must be a whole number from 1 to 1,000,000"
        }
    }
}
