// The words of every message, one template per code: `{name}` is a parameter, `{name#noun}` a counted
// noun ("1 seat", "3 seats"), `{name#noun|nouns}` one with an irregular plural. Adding a language is
// adding a catalogue with a template for every code (a test checks each code and parameter).

public struct Catalogue: Sendable {
    public var language: String
    public var templates: [MessageCode: String]

    /// The message in this catalogue's words.
    public func words(_ message: Message) -> String {
        guard let template = templates[message.code] else { return message.code.rawValue }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let field = rest[rest.index(after: open)..<close]
            let parts = field.split(separator: "#", maxSplits: 1).map(String.init)
            let value = message.parameters[parts[0]]
            if parts.count == 2, case .number(let n) = value {
                let forms = parts[1].split(separator: "|").map(String.init)
                out += Words.count(n, forms[0], plural: forms.count > 1 ? forms[1] : nil)
            } else {
                out += value.map(Self.shown) ?? ""
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static func shown(_ value: MessageValue) -> String {
        switch value {
        case .text(let t): return t
        case .number(let n): return String(n)
        case .nominee(let id, let name): return "\(name) [\(id)]"
        case .hiddenNominee: return "a nominee [not named]"
        }
    }

    /// The placeholders a template uses, by parameter name.
    static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close].split(separator: "#")[0]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    public static let english = Catalogue(language: "en", templates: [
        .adjustedGroupSeats: "adjusted: {group} has {seats#seat} instead of {old}, by decision of the coordinator",
        .adjustedSeat: "adjusted: {group}'s nominee {nominee} seated by decision of the coordinator",
        .adjustedSeatPastTermLimit: "adjusted: {group}'s nominee {nominee} seated by decision of the coordinator, although past the term limit",
        .adjustedExclude: "adjusted: {group}'s nominee {nominee} excluded by decision of the coordinator",
        .adjustedExcludeRequired: "adjusted: {group}'s nominee {nominee} excluded by decision of the coordinator, although required",
        .adjustedExcludeContinuing: "adjusted: {group}'s nominee {nominee} excluded by decision of the coordinator, although a continuing member",
        .adjustedBound: "adjusted: {rule}: {side} {old} → {new}, by decision of the coordinator",
        .repairApplied: "repair applied: {steps}",
        .requiredPastTermLimit: "{nominee} is required and is seated although they have served {terms} terms (max_terms {max_terms})",
        .continuingPastTermLimit: "{nominee} is continuing but has served {terms} terms (max_terms {max_terms}), so is not seated",
        .absentValuesNotChecked: "quota {quota} ({attribute}, each value separately): only values someone was nominated with are checked; a {attribute} nobody was nominated with is not",
    ])
}
