// The words of every message, one template per code: `{name}` is a parameter, `{name#noun}` a counted
// noun ("1 seat", "3 seats"), `{name#noun|nouns}` one with an irregular plural. Beside the messages, the
// terms: each fixed word or phrase of the reports (a heading, a column, a verdict), keyed by its English.
// Adding a language is adding a catalogue file with a template for every code and a translation of every
// term (tests check each code, parameter and term). The catalogue in use is `Catalogue.current`, set once
// at the edge (`--language`, the workbench's choice) for everything rendered inside it.

import Foundation

/// A language a report can be written in.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, fr, es

    public var catalogue: Catalogue {
        switch self {
        case .en: return .english
        case .fr: return .french
        case .es: return .spanish
        }
    }

    /// The language's own name, for a switch between them.
    public var name: String {
        switch self {
        case .en: return "English"
        case .fr: return "Français"
        case .es: return "Español"
        }
    }

    /// The first language an HTTP `Accept-Language` header prefers among ours (by its q-values), else nil.
    public static func preferred(_ header: String) -> Language? {
        let ranked = header.split(separator: ",").enumerated().compactMap { k, part -> (Language, Double, Int)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), let language = Language(rawValue: String(tag.prefix(2))) else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0 ? (language, q, k) : nil
        }
        return ranked.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.first?.0
    }
}

public struct Catalogue: Sendable {
    public var language: String
    public var templates: [MessageCode: String]
    /// Each term of the reports in this language, keyed by its English (empty for English).
    public var terms: [String: String] = [:]
    /// Whether a count takes the singular: English 1 only, French 0 and 1.
    public var singular: @Sendable (Int) -> Bool = { $0 == 1 }

    /// The catalogue everything rendered in this task uses (English unless the edge chose another).
    @TaskLocal public static var current: Catalogue = .english

    /// A term of the reports in this language: the English itself where the catalogue has none (English).
    public func term(_ english: String) -> String { terms[english] ?? english }

    /// A phrase with parameters (`"{count#member} chosen"`), its template translated as a term.
    public func phrase(_ english: String, _ parameters: [String: MessageValue]) -> String {
        fill(term(english), parameters)
    }

    /// The message in this catalogue's words.
    public func words(_ message: Message) -> String {
        guard let template = templates[message.code] else { return message.code.rawValue }
        return fill(template, message.parameters)
    }

    func fill(_ template: String, _ parameters: [String: MessageValue]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let field = rest[rest.index(after: open)..<close]
            let parts = field.split(separator: "#", maxSplits: 1).map(String.init)
            let value = parameters[parts[0]]
            if parts.count == 2, case .number(let n) = value {
                let forms = parts[1].split(separator: "|").map(String.init)
                out += "\(n) " + (singular(n) ? forms[0] : forms.count > 1 ? forms[1] : forms[0] + "s")
            } else {
                out += value.map(shown) ?? ""
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    func shown(_ value: MessageValue) -> String {
        switch value {
        case .text(let t): return t
        case .number(let n): return String(n)
        case .nominee(let id, let name): return "\(name) [\(id)]"
        case .hiddenNominee: return hiddenNominee
        case .rank(let rank): return rank.map(ordinal) ?? unranked
        case .message(let m): return words(m)
        case .list(let items): return items.map(shown).joined(separator: ", ")
        case .clauses(let items): return items.map(shown).joined(separator: "; ")
        case .alternatives(let items): return items.map(shown).joined(separator: " \(or) ")
        }
    }

    /// How a hidden nominee, a missing rank, an ordinal and "or" read in this language.
    public var hiddenNominee = "a nominee [not named]"
    public var unranked = "unranked"
    public var or = "or"
    public var ordinal: @Sendable (Int) -> String = Catalogue.englishOrdinal

    /// "1st", "2nd", "3rd", "11th", "22nd".
    public static func englishOrdinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n % 10]
        return "\(n)\(suffix)"
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
        .adjustedSeat: "adjusted: {nominee} ({group}) seated by decision of the coordinator",
        .adjustedSeatPastTermLimit: "adjusted: {nominee} ({group}) seated by decision of the coordinator, although past the term limit",
        .adjustedExclude: "adjusted: {nominee} ({group}) excluded by decision of the coordinator",
        .adjustedExcludeRequired: "adjusted: {nominee} ({group}) excluded by decision of the coordinator, although required",
        .adjustedExcludeContinuing: "adjusted: {nominee} ({group}) excluded by decision of the coordinator, although a continuing member",
        .adjustedBound: "adjusted: {rule}: {side} {old} → {new}, by decision of the coordinator",
        .repairApplied: "repair applied: {steps}",
        .requiredPastTermLimit: "{nominee} is required and is seated although they have served {terms} terms (max_terms {max_terms})",
        .continuingPastTermLimit: "{nominee} is continuing but has served {terms} terms (max_terms {max_terms}), so is not seated",
        .absentValuesNotChecked: "quota {quota} ({attribute}, each value separately): only values someone was nominated with are checked; a {attribute} nobody was nominated with is not",
        .inputNote: "{text}",
        .rosterWithdrawn: "the roster marks {members} withdrawn: those seats are filled too",
        .rosterWithdrawnOne: "the roster marks {members} withdrawn: that seat is filled too",
        .ruleLabel: "{label}",
        .theBody: "the body",
        .theBodyCapital: "The body",
        .noOne: "no one",
        .person: "{nominee} ({group}, {rank})",
        .peopleAndMore: "{people} and {more} more",
        .changes: "{entering} in; {leaving} out",
        .explainContinuing: "Seated: a continuing member, kept under rules.continuing: keep; counts toward {group}'s seats and the quotas.",
        .explainSeatedByDecision: "Seated by decision of the coordinator (an adjustment of this round).",
        .explainExcludedByDecision: "Not seated: excluded by decision of the coordinator (an adjustment of this round).",
        .explainRequired: "Seated: a required seat.",
        .explainRequiredPastTermLimit: "Seated: a required seat (although past the term limit of {limit}).",
        .explainWithdrawn: "Not seated: the nomination was withdrawn.",
        .explainVacated: "Not seated: the member vacated the seat, and a replacement fills it.",
        .explainTermLimited: "Not seated: has served {terms#consecutive term}; rules.max_terms is {limit}.",
        .nomineeWho: "nominated by {group}{ranked}; {gender}; {region}; {country}",
        .nomineeRanked: ", ranked {rank}",
        .whatIfAlsoSwapsRule: "{group} changes too ({entering} in; {leaving} out) because {rule} is at its limit: the change moved its count, and this swap moves it back",
        .whatIfAlsoSwapsBest: "{group} changes too ({entering} in; {leaving} out): no one rule forces it; it is the best panel that meets every rule under the change",
        .nomineeUnranked: ", unranked",
        .explainNoPanel: "No panel meets the rules, so no one is seated; see the diagnosis.",
        .explainNotTestedSeated: "{lead}. Not tested against the best panel without them: {cause}, so what reversing this decision would cost is not known.",
        .explainNotTestedUnseated: "{lead}. Not tested against the best panel with them: {cause}, so what reversing this decision would cost is not known.",
        .causeNotProved: "the time limit ended the search before the panel was proved best",
        .causeExplanationsCut: "the time limit ended the explanations before this one",
        .explainNoTieSeated: "{lead}. No panel without them is as good: each has {amount}, if one meets the rules at all (a bound that holds for every such panel proves it), so this is no tie.",
        .explainNoTieUnseated: "{lead}. No panel with them is as good: each has {amount}, if one meets the rules at all (a bound that holds for every such panel proves it), so this is no tie.",
        .amountRankSum: "a rank sum at least {at_least} higher",
        .amountLevels: "at least {at_least#fewer member|fewer members} of rank {level}",
        .explainCannotBeLeftOut: "Seated: no panel that meets the rules leaves them out{because}.",
        .explainCannotBeSeated: "Not seated: no panel that meets the rules can seat them{because}.",
        .because: ": {reason}",
        .explainTieSeated: "{lead}. An equally good panel leaves them out: {changes}. Seed {seed} decided between the two.",
        .explainTieUnseated: "{lead}. An equally good panel seats them: {changes}. Seed {seed} decided between the two.",
        .explainWorseSeated: "{lead}. The best panel without them is {worse}: {changes}.{rules}{close}",
        .explainWorseUnseated: "{lead}. The best panel with them is {worse}: {changes}.{rules}{close}",
        .worseRankSum: "worse by {delta} (rank sum {other} instead of {chosen})",
        .worseLevels: "worse: {delta#fewer member|fewer members} of rank {level}",
        .rulesAtLimit: " Quotas at their limit that count them: {rules}.",
        .rulesStopHigher: " What stops seating a higher-ranked nominee in their place: {rules}.",
        .rulesStopLower: " What stops seating them in place of a lower-ranked member: {rules}.",
        .ruleMinimum: "the minimum {label}",
        .ruleCap: "the cap {label}",
        .ruleExactShort: "{label}, which would fall short",
        .ruleExactOver: "{label}, which the swap would exceed",
        .closeCall: " A close call.",
        .leadSeatedInOrder: "Seated ({group} ranked them {rank}, and everyone it ranked higher is seated too)",
        .leadSeatedAhead: "Seated ahead of higher-ranked nominees ({group} ranked them {rank}; left out although ranked higher: {rivals})",
        .leadBelowCut: "Not seated: below {group}'s cut (ranked {rank})",
        .leadBelowCutLowest: "Not seated: below {group}'s cut (ranked {rank}; the lowest-ranked member seated by choice is ranked {lowest})",
        .leadPassedOver: "Not seated although ranked higher ({group} ranked them {rank}; seated although ranked lower: {rivals})",
        .causeSeatTaken: "{rule}, and that seat is already taken by members who must be seated ({members})",
        .causeSeatsTaken: "{rule}, and those seats are already taken by members who must be seated ({members})",
        .causeOneEligible: "{rule}, and only 1 eligible nominee fits, so every one of them is needed",
        .causeFewEligible: "{rule}, and only {count} eligible nominees fit, so every one of them is needed",
        .priceNoPanel: "{label}: {move} gives no panel.",
        .priceNoGain: "{label}: {move} would not improve the panel.",
        .priceGainRankSum: "{label}: {move} would improve it by {gain} in the rank sum: {changes}.",
        .priceGainLevels: "{label}: {move} would improve it by {gain#member} of rank {level}: {changes}.",
        .moveLowering: "lowering its {bound} from {from} to {to}",
        .moveRaising: "raising its {bound} from {from} to {to}",
        .deviationFollows: "{group}: the panel follows the group's ranking ({top} seated; the rest are continuing or required members or below the cut).",
        .deviationPassedOver: "{group}: {passed} passed over for lower-ranked ones; {seated}.",
        .passedOne: "1 nominee was",
        .passedMany: "{count} nominees were",
        .topFirstChoice: "its first choice",
        .topFirstChoiceNot: "its first choice not",
        .topChoices: "{seated} of its top {seats} choices",
        .seatedFirstChoice: "its first choice is seated",
        .seatedFirstChoiceNot: "its first choice is not seated",
        .seatedTopOne: "1 of its top {seats} choices is seated",
        .seatedTop: "{seated} of its top {seats} choices are seated",
        .noteExplanationCutOne: "the time limit ended the explanations: 1 of 1 decision was not tested against the best panel that reverses it",
        .noteExplanationsCut: "the time limit ended the explanations: {missing} of {asked} decisions were not tested against the best panel that reverses them",
        .notePricesCut: "the time limit ended the quota prices: {missing} of {asked} not computed",
        .noteHiddenConflict: "no panel of {scope} meets every rule together, although no single count shows it; the diagnosis names the conflicting rules",
        .noteTieBreakCut: "the time limit ended the search for {scope} after the objective was proved optimal: {detail}, so another equally good panel might have been chosen with more time",
        .tieBreakUnfinished: "only the seeded tie-break was not finished",
        .noteNotProved: "the time limit ended the search for {scope} before the panel was proved best: {detail}",
        .noteConflictSearchCutNone: "the time limit ended the search for conflicting rules in {scope} before any was found",
        .noteConflictSearchCutMore: "the time limit ended the search for conflicting rules in {scope}; more may exist",
        .noteRepairSearchCut: "the time limit ended the search for a repair in {scope}, so no repair is offered",
        .noteNoRepairFillable: "no repair is offered: a repair of the quotas alone cannot make every group fillable",
        .noteRepairSizeCut: "the search for the rules that set the repair's size was cut short ({seconds} seconds); the repair itself is proved",
        .noteRepairPanelCut: "the time limit ended before the panel under the repair was chosen",
        .noteRepairPanelCutDetail: "the time limit ended before the panel under the repair was chosen ({detail})",
        .conflictNeedsAtLeast: "{scope} needs at least {need} with {what}, but under {rest} at most {reach} can be seated",
        .conflictAllowsAtMostForces: "{scope} allows at most {allow} with {what}, but {rest} forces at least {reach}",
        .conflictAllowsAtMostForce: "{scope} allows at most {allow} with {what}, but {rest} force at least {reach}",
        .restMustBeSeated: "the members who must be seated",
        .restOtherRule: "the other rule of this conflict",
        .restOtherRules: "the other {count} rules of this conflict",
        .conflictTogether: "these rules cannot all be met together: {rules}",
        .conflictSoftCannotHelp: "no relaxation of the soft quotas helps in {scope}: the seats, hard quotas and fixed members conflict by themselves",
        .conflictRepairSize: "{rule} would have to move further than the conflicts above explain: with its {bound} at {value}, {detail}",
        .conflictStill: "these rules still conflict: {conflict}",
        .fixingAskedSeated: "{nominee} is seated (the question asked)",
        .fixingAskedLeftOut: "{nominee} is left out (the question asked)",
        .fixingMustBeSeated: "{nominee} must be seated ({why})",
        .fixingCannotBeSeated: "{nominee} cannot be seated ({why})",
        .whyContinuing: "continuing",
        .whyRequired: "required",
        .whyWithdrawn: "withdrawn",
        .whyTermLimit: "term limit",
        .whyDecision: "the coordinator's decision",
        .whyVacated: "seat vacated",
        .whyFixed: "fixed",
        .precheckSeatsRule: "{group} fills exactly {seats#seat}",
        .precheckTooFewEligible: "{group} has {eligible#eligible nominee} for {seats#seat}{detail}",
        .precheckOutDetail: " ({nominated} nominated, {out} withdrawn or term-limited)",
        .precheckMustBeSeated: "{group} has {fixed} members who must be seated (continuing or required) but only {seats#seat}",
        .precheckNobodyFrom: "nobody from {values} was nominated{in}, but {scope} needs at least {min}; reopen the call for nominations or relax this row",
        .precheckNobodyWith: "nobody with {subject} was nominated{in}, but {scope} needs at least {min}; reopen the call for nominations or relax this row",
        .precheckInGroup: " in {group}",
        .precheckTooFewWithOne: "{scope} needs at least {min} with {subject}, but only 1 eligible nominee has it",
        .precheckTooFewWith: "{scope} needs at least {min} with {subject}, but only {eligible} eligible nominees have it",
        .precheckTooManyFixed: "{scope} allows at most {max} with {subject}, but {fixed} members who must be seated have it",
        .precheckMinimumsAddUp: "the minimums on {attribute} in {scope} add up to {total} ({parts}), more than its {seats#seat}",
        .precheckMinimumPart: "{min} with {values}",
        .noteNotOptimalNoExplanations: "the panel was not proved optimal (time limit), so no decision was tested against the best panel that reverses it and no quota was priced",
        .members: "members",
        .memberAheadUnblocked: "seated ahead of higher-ranked nominees of the group; no rule at its limit blocks a one-for-one swap, so an equally good panel may seat them instead (see the explanations)",
        .memberAhead: "seated ahead of higher-ranked nominees of the group: {rules}",
        .rulesAndMore: "{rules} and {more} more",
        .replacePromotedOne: "1 row of {file} marked continuing or required is not a sitting member: a candidate like any other",
        .replacePromoted: "{rows} rows of {file} marked continuing or required are not sitting members: candidates like any other",
        .replaceSittingStay: "mid-term replacement: the {count#sitting member} not vacated stay seated whatever their terms (a term limit ends service at a renewal)",
        .replaceNoRenewal: "rules.renewal is not applied: it asks for newcomers at a renewal, and a mid-term replacement is not one",
        .replaceDroppedOne: "1 row of {file} is a sitting member (same id), not a candidate",
        .replaceDropped: "{rows} rows of {file} are sitting members (same id), not candidates",
        .planNoTermLimit: "the policy sets no term limit (rules.max_terms): only withdrawn members leave",
        .planNewcomersServe: "newcomers are assumed to serve up to the term limit: the seats that open in a year open again {years#year} later",
        .lotteryClasses: "{nominees#nominee} fall into {classes#class|classes} that the rules cannot tell apart; the lottery was solved over how many of each class a panel seats, and everyone in a class has the same chance",
        .lotteryNobodyToChoose: "nobody is left to choose: the rules and the fixed members decide the whole panel",
        .lotteryStageCut: "the time limit ended stage {stage} with the minimum {minimum}; no lottery can give more than {bound}",
        .lotteryFloorsLowered: "the floors of the earlier LEXIMIN levels were lowered by {by} to stay within the LP's tolerance",
        .lotteryFirstDistributionCut: "the time limit came before the first distribution was computed: each of the {patterns#seat-count pattern} found so far is equally likely",
        .auditPercentagesOnRoster: "percentages are judged on the members on the roster in each scope ({members#member} in the body, for {seats#seat})",
        .auditPercentagesInComposition: "percentages are judged on the members in the composition in each scope ({members#member} in the body, for {seats#seat})",
        .auditAbsentValuesUnchecked: "without --pool, `each` quotas on attributes other than region and development cover only the values present on the roster: a value nobody on it has cannot be checked (give --pool NOMINATIONS to check them)",
        .nullModelTooManyFixed: "{group}: more members must be seated than the roster has; the null model draws from all its eligible nominees",
        .nullModelTooFew: "{group}: the roster has more members than the pool can supply; the group is left out of the probabilities",
        .auditProbabilityPool: "P one-sided (against the pool): were each group's seats filled at random from its own nominees (continuing and required members held fixed), the probability of a count at least this far from the expected one, in the direction observed. P two-sided: the probability of a count no more likely than the one observed, in either direction.",
        .auditProbabilityReference: "P one-sided (against the reference): were each member's value drawn independently with the reference share (a binomial), the probability of a count at least this far from the expected one, in the direction observed; P two-sided: of a count no more likely, in either direction.",
        .auditProbabilityHolm: "Holm: each probability after Holm's adjustment for the {tests#test} in this table (one-sided and two-sided adjusted separately). To ask whether any share departs from chance, read the two-sided Holm column: among many tests some small probabilities arise by chance alone, and a one-sided probability in the direction observed can be as little as half the two-sided one, as if the direction had been chosen before looking.",
        .auditCountOutsidePool: "{value}: {count} on the roster, but random filling from the pool gives between {low} and {high}; the roster was not drawn from this pool as given (no probability is computed)",
        .auditProbabilityUnknown: "Where members' values are unknown (blank cells), a count, share or probability is given as the range over every way the unknown members could fall.",
        .auditProbabilityMeaning: "A probability says how often chance alone would give a count this far out; it is not the probability that the roster was chosen by chance, nor a measure of how large the difference is.",
        .precheckMinimumAboveSeats: "{scope} needs at least {min} with {subject}, more than its {seats#seat}",
        .noteUncounted: "{groups}: {seats#seat} in the body that count in no quota (counts: false); the quotas and their percentages are of the other seats",
        .explainAppointed: "Seated: appointed by {group}, which appoints its own members (mode: appointed); counts toward the quotas.",
        .whyAppointed: "appointed by its group",
        .noteAppointed: "{groups}: appointed by their groups (mode: appointed): the members listed are seated as given, and the other rules are met around them",
        .explainExOfficio: "Seated ex officio: the seat belongs to an office, whoever holds it, so no term limit applies; counts toward the quotas.",
        .whyExOfficio: "ex officio",
        .explainChosenAloneSeated: "Seated: {group} chose its members alone (mode: independent), by its own ranking and its own rules; counts toward the body's quotas.",
        .explainChosenAloneUnseated: "Not seated: {group} chose its members alone (mode: independent), by its own ranking and its own rules, and did not choose them.",
        .whyChosenAlone: "chosen by its group alone",
        .noteChosenAlone: "{groups}: each chose its members alone (mode: independent), by its own ranking and the rules inside it, before the rest; the body-wide rules count them and bind the other groups around them",
        .noteChosenAloneFailed: "{group} chooses alone (mode: independent), but its own rules leave no way to fill its seats: none of its nominees is seated, so the body cannot be filled",
        .explainHistorySeated: "{lead}. A panel as good by rank leaves them out, but its members' countries held {more#more seat} in the compositions counted, so the history stage (history.prefer: fewer_country_seats) chose this one: {changes}.",
        .explainHistoryUnseated: "{lead}. A panel as good by rank seats them, but its members' countries held {more#more seat} in the compositions counted, so the history stage (history.prefer: fewer_country_seats) chose the other: {changes}.",
        .explainSeatedElsewhere: "Takes a place in {places} instead. {said}",
        .notePlaces: "{bodies#body|bodies} filled from one pool: {people#person|people} applied for more than {most#place}, and each takes at most {most#place} (rules.places_per_person)",
    ])
}
