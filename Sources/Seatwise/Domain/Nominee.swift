// A nominee as the selection sees them: validated, with region and development status resolved.
// Attribute values are kept in display form; `AttributeKey` gives the form used for comparison.

import Foundation

/// How a nominee stands before the selection runs (docs/reference.md, "Nominations file", `status`).
public enum NomineeStatus: String, Sendable, Codable, CaseIterable {
    case new, continuing, required, withdrawn
    /// A seat held by an office, not a person (a host country's minister, a body's chair by office):
    /// seated whoever holds it, and no term limit applies.
    case exOfficio = "ex_officio"

    /// Seated by its status whatever the terms served: a required seat or an office's.
    public var isSeatedWhateverTerms: Bool { self == .required || self == .exOfficio }
}

/// A nominee's place: the person (their id in the file), and the body and role of the seat applied for.
public struct Placement: Sendable, Hashable {
    public var person: String
    public var body: String?
    public var role: String?
    public init(person: String, body: String? = nil, role: String? = nil) {
        self.person = person
        self.body = body
        self.role = role
    }
}

public struct Nominee: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The stakeholder group, spelled as in the policy.
    public var group: String
    /// The nominating group's preference, 1 = first choice; nil = unranked.
    public var rank: Int?
    public var status: NomineeStatus
    public var terms: Int
    /// Every attribute usable in a quota, keyed by lower-case attribute name, in display form:
    /// gender, country (ISO alpha-3), region, development, organization, group and custom columns.
    public var attributes: [String: String]
    /// The line of the nominations file the row starts on (0 when built in code).
    public var line: Int

    public init(id: String, name: String, group: String, rank: Int?, status: NomineeStatus = .new,
                terms: Int = 0, attributes: [String: String], line: Int = 0) {
        self.id = id
        self.name = name
        self.group = group
        self.rank = rank
        self.status = status
        self.terms = terms
        var attributes = attributes
        attributes["group"] = group
        self.attributes = attributes
        self.line = line
    }

    /// Where this nominee's place is, when people apply for several places or the policy fills several
    /// bodies (nil otherwise). Kept apart from the attributes: a column of any name stays the file's own.
    public var placement: Placement?

    /// The person's id as the nominations file gives it: a person who applies for several places is one
    /// nominee per place (`ID@GROUP`), all of the same person.
    public var person: String { placement?.person ?? id }
    /// With several bodies: the body (or position) of this place.
    public var body: String? { placement?.body }
    /// The role this place is (co-chair, coordinating lead author), when its group is a role.
    public var role: String? { placement?.role }

    public var gender: String { attributes["gender"] ?? "" }
    public var country: String { attributes["country"] ?? "" }
    public var region: String { attributes["region"] ?? "" }
    public var development: String { attributes["development"] ?? "" }

    /// The value of `attribute` in display form: a column's value, or the nominee's `status` and `terms`
    /// (read from the nominee itself, so a changed status counts as changed); nil when there is none.
    public func value(of attribute: String) -> String? {
        switch attribute {
        case "status": return status.rawValue
        case "terms": return String(terms)
        default: return attributes[attribute]
        }
    }

    /// The value of `attribute` in comparison form (trimmed, case-folded), or nil when the nominee has none.
    public func key(of attribute: String) -> String? {
        guard let value = value(of: attribute), !value.isEmpty else { return nil }
        return AttributeKey.normalize(value)
    }
}

/// The comparison form of ids and attribute values: docs/reference.md, "How ids and values are compared" compares them case-insensitively after
/// trimming; beyond that, text that prints the same must compare the same, so the form is NFKC (full-width
/// `ｆemale` is `female`), without invisible format characters (`fe<ZWSP>male`, `A<ZWJ>1`), case-folded.
public enum AttributeKey {
    /// The attributes every nomination has (from its columns and the country table), in report order;
    /// any other column is a custom attribute.
    public static let builtIn = ["gender", "country", "region", "development", "organization", "group"]
    /// How a nominee stands toward the body (`status`, `terms`): usable in quotas (at least a third
    /// newcomers), but not a trait of the person that an audit's shares would describe.
    public static let standing = ["status", "terms"]

    public static func normalize(_ value: String) -> String {
        // Nearly every value is ASCII: its form is just trimmed and lower-cased.
        if value.utf8.allSatisfy({ $0 < 0x80 }) { return value.trimmed.lowercased() }
        var visible = String.UnicodeScalarView()
        for scalar in value.precomposedStringWithCompatibilityMapping.unicodeScalars
        where scalar.properties.generalCategory != .format {
            visible.append(scalar)
        }
        return String(visible).trimmed.folding(options: [.caseInsensitive], locale: nil)
    }
}

extension String {
    /// Without leading and trailing white space. Most values have none, so that case costs two checks
    /// (reading 50,000 rows trims over half a million fields).
    public var trimmed: String {
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        // An ASCII letter, digit or mark at both ends (nearly every field) needs no look at Unicode's tables.
        if firstByte > 0x20, firstByte < 0x80, lastByte > 0x20, lastByte < 0x80 { return self }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
