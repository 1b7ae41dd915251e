// Typed positions in a solver-neutral program: a column (one per variable), a row, and a quota row,
// each counted from 0 in the order the program lists them, so that one is never passed for another.

import Tagged

public enum ColumnTag {}
public enum RowTag {}
public enum QuotaRowTag {}

/// The position of a variable in `IntegerProgram.variables` (0-based).
public typealias ColumnIndex = Tagged<ColumnTag, Int>
/// The position of a row in a solver session: `IntegerProgram.rows` first (0-based, in order), then
/// the rows added to the session, numbered on from there.
public typealias RowIndex = Tagged<RowTag, Int>
/// The position of a quota row among a model's quota rows (0-based): the rule a program row enforces.
public typealias QuotaRowIndex = Tagged<QuotaRowTag, Int>
