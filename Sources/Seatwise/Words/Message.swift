// A fact a report states, as a typed value: a code and its parameters. Words are applied once, at the
// edge, from a catalogue keyed by the code (`Catalogue`), so no code compares sentences, a public report
// leaves out a name by its parameter rather than by editing text, and another language is another
// catalogue.

public struct Message: Sendable, Hashable, Codable, CustomStringConvertible {
    public var code: MessageCode
    public var parameters: [String: MessageValue]

    public init(_ code: MessageCode, _ parameters: [String: MessageValue] = [:]) {
        self.code = code
        self.parameters = parameters
    }

    /// The message in the words of the catalogue in use (`Catalogue.current`: English unless the edge chose another).
    public var description: String { Catalogue.current.words(self) }

    /// The nominees the message names, nested messages and lists included (a public report hides those
    /// not seated).
    public var nominees: [String] { parameters.values.flatMap(\.nominees) }

    /// The message with every nominee `hidden` says to hide made a hidden nominee, however deeply named.
    public func hiding(_ hidden: (String) -> Bool) -> Message {
        var m = self
        for (key, value) in parameters { m.parameters[key] = value.hiding(hidden) }
        return m
    }

    /// Whether this message, or a part of it, is of kind `code` (with `parameters` among its own).
    public func mentions(_ code: MessageCode, _ parameters: [String: MessageValue] = [:]) -> Bool {
        if self.code == code && parameters.allSatisfy({ self.parameters[$0.key] == $0.value }) { return true }
        return self.parameters.values.contains { $0.mentions(code, parameters) }
    }

    /// A message that stands for text the input layer wrote (a file's reading notes), carried as it is.
    public static func inputNote(_ text: String) -> Message { Message(.inputNote, ["text": .text(text)]) }

    /// Who a nominee is, stated before an explanation's rules: group (and rank), gender, region, country.
    public static func nomineeWho(_ n: Nominee) -> Message {
        Message(.nomineeWho, ["group": .text(n.group), "ranked": .message(n.rank.map { Message(.nomineeRanked, ["rank": .rank($0)]) } ?? Message(.nomineeUnranked)),
                              "gender": .text(Words.value("gender", n.gender)), "region": .text(Words.value("region", n.region)), "country": .text(n.country)])
    }
    /// A rule by the label the model gives it.
    public static func rule(_ label: String) -> Message { Message(.ruleLabel, ["label": .text(label)]) }
    /// A part of a sentence with no parameters.
    public static func part(_ code: MessageCode) -> MessageValue { .message(Message(code)) }
}

/// One parameter of a message.
public indirect enum MessageValue: Sendable, Hashable, Codable {
    case text(String)
    case number(Int)
    /// A nominee, by id and name ("Name [id]" in English; "a nominee [not named]" when hidden).
    case nominee(id: String, name: String)
    /// A nominee a public report does not name.
    case hiddenNominee
    /// A rank in a group's list ("3rd"), or none ("unranked").
    case rank(Int?)
    /// A part of the sentence that is itself a message.
    case message(Message)
    /// Items read as a list ("A, B, C" in English).
    case list([MessageValue])
    /// Items read as clauses ("A; B; C" in English).
    case clauses([MessageValue])
    /// Items read as alternatives ("A or B" in English).
    case alternatives([MessageValue])

    var nominees: [String] {
        switch self {
        case .nominee(let id, _): return [id]
        case .message(let m): return m.nominees
        case .list(let items), .clauses(let items), .alternatives(let items): return items.flatMap(\.nominees)
        default: return []
        }
    }

    // Stored and exchanged in a compact, readable form: text as a string, a number as a number, the
    // others as an object named by their kind ({"nominee": id, "name": …}, {"rank": 3}, {"list": […]},
    // a nested message as {"code": …, "parameters": {…}}).
    private enum Key: String, CodingKey { case nominee, name, rank, list, clauses, alternatives, code, parameters }

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let n = try? single.decode(Int.self) { self = .number(n); return }
            if let t = try? single.decode(String.self) { self = .text(t); return }
        }
        let c = try decoder.container(keyedBy: Key.self)
        if c.contains(.code) { self = .message(try Message(from: decoder)); return }
        if let earlier = try Self.earlierForm(decoder) { self = earlier; return }
        if c.contains(.nominee) {
            if try c.decodeNil(forKey: .nominee) { self = .hiddenNominee; return }
            self = .nominee(id: try c.decode(String.self, forKey: .nominee), name: try c.decode(String.self, forKey: .name))
            return
        }
        if c.contains(.rank) { self = .rank(try c.decodeIfPresent(Int.self, forKey: .rank)); return }
        if c.contains(.list) { self = .list(try c.decode([MessageValue].self, forKey: .list)); return }
        if c.contains(.clauses) { self = .clauses(try c.decode([MessageValue].self, forKey: .clauses)); return }
        if c.contains(.alternatives) { self = .alternatives(try c.decode([MessageValue].self, forKey: .alternatives)); return }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a message parameter"))
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The form an earlier version stored (Swift's own coding of the enum: `{"text": {"_0": …}}`,
    /// `{"nominee": {"id": …, "name": …}}`, `{"hiddenNominee": {}}`), read so that its records still show.
    private static func earlierForm(_ decoder: Decoder) throws -> MessageValue? {
        let c = try decoder.container(keyedBy: AnyKey.self)
        if let inner = try? c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("text")) { return .text(try inner.decode(String.self, forKey: AnyKey("_0"))) }
        if let inner = try? c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("number")) { return .number(try inner.decode(Int.self, forKey: AnyKey("_0"))) }
        if let inner = try? c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("nominee")) {
            return .nominee(id: try inner.decode(String.self, forKey: AnyKey("id")), name: try inner.decode(String.self, forKey: AnyKey("name")))
        }
        if c.contains(AnyKey("hiddenNominee")) { return .hiddenNominee }
        return nil
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .text(let t): var c = encoder.singleValueContainer(); try c.encode(t)
        case .number(let n): var c = encoder.singleValueContainer(); try c.encode(n)
        case .message(let m): try m.encode(to: encoder)
        default:
            var c = encoder.container(keyedBy: Key.self)
            switch self {
            case .nominee(let id, let name): try c.encode(id, forKey: .nominee); try c.encode(name, forKey: .name)
            case .hiddenNominee: try c.encodeNil(forKey: .nominee)
            case .rank(let rank): try c.encode(rank, forKey: .rank)
            case .list(let items): try c.encode(items, forKey: .list)
            case .clauses(let items): try c.encode(items, forKey: .clauses)
            case .alternatives(let items): try c.encode(items, forKey: .alternatives)
            default: break
            }
        }
    }

    func mentions(_ code: MessageCode, _ parameters: [String: MessageValue]) -> Bool {
        switch self {
        case .message(let m): return m.mentions(code, parameters)
        case .list(let items), .clauses(let items), .alternatives(let items): return items.contains { $0.mentions(code, parameters) }
        default: return false
        }
    }

    func hiding(_ hidden: (String) -> Bool) -> MessageValue {
        switch self {
        case .nominee(let id, _) where hidden(id): return .hiddenNominee
        case .message(let m): return .message(m.hiding(hidden))
        case .list(let items): return .list(items.map { $0.hiding(hidden) })
        case .clauses(let items): return .clauses(items.map { $0.hiding(hidden) })
        case .alternatives(let items): return .alternatives(items.map { $0.hiding(hidden) })
        default: return self
        }
    }
}

/// Every kind of message, with the parameters its words may use.
public enum MessageCode: String, Sendable, Hashable, Codable, CaseIterable {
    case adjustedGroupSeats = "adjusted.group_seats"
    case adjustedSeat = "adjusted.seat"
    case adjustedSeatPastTermLimit = "adjusted.seat_past_term_limit"
    case adjustedExclude = "adjusted.exclude"
    case adjustedExcludeRequired = "adjusted.exclude_required"
    case adjustedExcludeContinuing = "adjusted.exclude_continuing"
    case adjustedBound = "adjusted.bound"
    case repairApplied = "repair.applied"
    case requiredPastTermLimit = "note.required_past_term_limit"
    case continuingPastTermLimit = "note.continuing_past_term_limit"
    case absentValuesNotChecked = "note.absent_values_not_checked"
    case inputNote = "note.input"
    case rosterWithdrawn = "note.roster_withdrawn"
    case rosterWithdrawnOne = "note.roster_withdrawn_one"
    case ruleLabel = "rule.label"
    case theBody = "scope.the_body"
    case theBodyCapital = "scope.the_body_capital"
    case noOne = "words.no_one"
    case person = "words.person"
    case peopleAndMore = "words.people_and_more"
    case changes = "words.changes"
    case explainContinuing = "explain.continuing"
    case explainSeatedByDecision = "explain.seated_by_decision"
    case explainExcludedByDecision = "explain.excluded_by_decision"
    case explainRequired = "explain.required"
    case explainRequiredPastTermLimit = "explain.required_past_term_limit"
    case explainWithdrawn = "explain.withdrawn"
    case explainVacated = "explain.vacated"
    case explainTermLimited = "explain.term_limited"
    case explainNoPanel = "explain.no_panel"
    case nomineeWho = "explain.nominee_who"
    case whatIfAlsoSwapsRule = "what_if.also_swaps_rule"
    case whatIfAlsoSwapsBest = "what_if.also_swaps_best"
    case nomineeRanked = "explain.nominee_ranked"
    case nomineeUnranked = "explain.nominee_unranked"
    case explainNotTestedSeated = "explain.not_tested_seated"
    case explainNotTestedUnseated = "explain.not_tested_unseated"
    case causeNotProved = "explain.cause_not_proved"
    case causeExplanationsCut = "explain.cause_explanations_cut"
    case explainNoTieSeated = "explain.no_tie_seated"
    case explainNoTieUnseated = "explain.no_tie_unseated"
    case amountRankSum = "explain.amount_rank_sum"
    case amountLevels = "explain.amount_levels"
    case explainCannotBeLeftOut = "explain.cannot_be_left_out"
    case explainCannotBeSeated = "explain.cannot_be_seated"
    case because = "explain.because"
    case explainTieSeated = "explain.tie_seated"
    case explainTieUnseated = "explain.tie_unseated"
    case explainWorseSeated = "explain.worse_seated"
    case explainWorseUnseated = "explain.worse_unseated"
    case worseRankSum = "explain.worse_rank_sum"
    case worseLevels = "explain.worse_levels"
    case rulesAtLimit = "explain.rules_at_limit"
    case rulesStopHigher = "explain.rules_stop_higher"
    case rulesStopLower = "explain.rules_stop_lower"
    case ruleMinimum = "explain.rule_minimum"
    case ruleExactShort = "explain.rule_exact_short"
    case ruleExactOver = "explain.rule_exact_over"
    case ruleCap = "explain.rule_cap"
    case closeCall = "explain.close_call"
    case leadSeatedInOrder = "explain.lead_seated_in_order"
    case leadSeatedAhead = "explain.lead_seated_ahead"
    case leadBelowCut = "explain.lead_below_cut"
    case leadBelowCutLowest = "explain.lead_below_cut_lowest"
    case leadPassedOver = "explain.lead_passed_over"
    case causeSeatTaken = "explain.cause_seat_taken"
    case causeSeatsTaken = "explain.cause_seats_taken"
    case causeOneEligible = "explain.cause_one_eligible"
    case causeFewEligible = "explain.cause_few_eligible"
    case priceNoPanel = "price.no_panel"
    case priceNoGain = "price.no_gain"
    case priceGainRankSum = "price.gain_rank_sum"
    case priceGainLevels = "price.gain_levels"
    case moveLowering = "price.move_lowering"
    case moveRaising = "price.move_raising"
    case deviationFollows = "deviation.follows"
    case deviationPassedOver = "deviation.passed_over"
    case passedOne = "deviation.passed_one"
    case passedMany = "deviation.passed_many"
    case topFirstChoice = "deviation.top_first_choice"
    case topFirstChoiceNot = "deviation.top_first_choice_not"
    case topChoices = "deviation.top_choices"
    case seatedFirstChoice = "deviation.seated_first_choice"
    case seatedFirstChoiceNot = "deviation.seated_first_choice_not"
    case seatedTopOne = "deviation.seated_top_one"
    case seatedTop = "deviation.seated_top"
    case noteExplanationCutOne = "note.explanation_cut_one"
    case noteExplanationsCut = "note.explanations_cut"
    case notePricesCut = "note.prices_cut"
    case noteHiddenConflict = "note.hidden_conflict"
    case noteTieBreakCut = "note.tie_break_cut"
    case tieBreakUnfinished = "note.tie_break_unfinished"
    case noteNotProved = "note.not_proved"
    case noteConflictSearchCutNone = "note.conflict_search_cut_none"
    case noteConflictSearchCutMore = "note.conflict_search_cut_more"
    case noteRepairSearchCut = "note.repair_search_cut"
    case noteNoRepairFillable = "note.no_repair_fillable"
    case noteRepairSizeCut = "note.repair_size_cut"
    case noteRepairPanelCut = "note.repair_panel_cut"
    case noteRepairPanelCutDetail = "note.repair_panel_cut_detail"
    case conflictNeedsAtLeast = "conflict.needs_at_least"
    case conflictAllowsAtMostForces = "conflict.allows_at_most_forces"
    case conflictAllowsAtMostForce = "conflict.allows_at_most_force"
    case restMustBeSeated = "conflict.rest_must_be_seated"
    case restOtherRule = "conflict.rest_other_rule"
    case restOtherRules = "conflict.rest_other_rules"
    case conflictTogether = "conflict.together"
    case conflictSoftCannotHelp = "conflict.soft_cannot_help"
    case conflictRepairSize = "conflict.repair_size"
    case conflictStill = "conflict.still"
    case fixingAskedSeated = "fixing.asked_seated"
    case fixingAskedLeftOut = "fixing.asked_left_out"
    case fixingMustBeSeated = "fixing.must_be_seated"
    case fixingCannotBeSeated = "fixing.cannot_be_seated"
    case whyContinuing = "fixing.why_continuing"
    case whyRequired = "fixing.why_required"
    case whyWithdrawn = "fixing.why_withdrawn"
    case whyTermLimit = "fixing.why_term_limit"
    case whyDecision = "fixing.why_decision"
    case whyVacated = "fixing.why_vacated"
    case whyFixed = "fixing.why_fixed"
    case precheckSeatsRule = "precheck.seats_rule"
    case precheckTooFewEligible = "precheck.too_few_eligible"
    case precheckOutDetail = "precheck.out_detail"
    case precheckMustBeSeated = "precheck.must_be_seated"
    case precheckNobodyFrom = "precheck.nobody_from"
    case precheckNobodyWith = "precheck.nobody_with"
    case precheckInGroup = "precheck.in_group"
    case precheckTooFewWithOne = "precheck.too_few_with_one"
    case precheckTooFewWith = "precheck.too_few_with"
    case precheckTooManyFixed = "precheck.too_many_fixed"
    case precheckMinimumsAddUp = "precheck.minimums_add_up"
    case precheckMinimumPart = "precheck.minimum_part"
    case noteNotOptimalNoExplanations = "note.not_optimal_no_explanations"
    case members = "words.members"
    case memberAheadUnblocked = "member.ahead_unblocked"
    case memberAhead = "member.ahead"
    case rulesAndMore = "words.rules_and_more"
    case replacePromotedOne = "replace.promoted_one"
    case replacePromoted = "replace.promoted"
    case replaceSittingStay = "replace.sitting_stay"
    case replaceNoRenewal = "replace.no_renewal"
    case replaceDroppedOne = "replace.dropped_one"
    case replaceDropped = "replace.dropped"
    case planNoTermLimit = "plan.no_term_limit"
    case planNewcomersServe = "plan.newcomers_serve"
    case lotteryClasses = "lottery.classes"
    case lotteryNobodyToChoose = "lottery.nobody_to_choose"
    case lotteryStageCut = "lottery.stage_cut"
    case lotteryFloorsLowered = "lottery.floors_lowered"
    case lotteryFirstDistributionCut = "lottery.first_distribution_cut"
    case auditPercentagesOnRoster = "audit.percentages_on_roster"
    case auditPercentagesInComposition = "audit.percentages_in_composition"
    case auditAbsentValuesUnchecked = "audit.absent_values_unchecked"
    case nullModelTooManyFixed = "audit.null_model_too_many_fixed"
    case nullModelTooFew = "audit.null_model_too_few"
    case auditProbabilityPool = "audit.probability_pool"
    case auditProbabilityReference = "audit.probability_reference"
    case auditProbabilityHolm = "audit.probability_holm"
    case auditProbabilityUnknown = "audit.probability_unknown"
    case auditProbabilityMeaning = "audit.probability_meaning"
    case auditCountOutsidePool = "audit.count_outside_pool"
    case precheckMinimumAboveSeats = "precheck.minimum_above_seats"
    case noteUncounted = "note.uncounted"
    case explainAppointed = "explain.appointed"
    case whyAppointed = "fixing.why_appointed"
    case noteAppointed = "note.appointed"
    case explainExOfficio = "explain.ex_officio"
    case whyExOfficio = "fixing.why_ex_officio"
    case explainSeatedElsewhere = "explain.seated_elsewhere"
    case notePlaces = "note.places"
    case explainChosenAloneSeated = "explain.chosen_alone_seated"
    case explainChosenAloneUnseated = "explain.chosen_alone_unseated"
    case whyChosenAlone = "fixing.why_chosen_alone"
    case noteChosenAlone = "note.chosen_alone"
    case noteChosenAloneFailed = "note.chosen_alone_failed"
    case explainHistorySeated = "explain.history_seated"
    case explainHistoryUnseated = "explain.history_unseated"

    /// The parameters the code's words use (a catalogue's template may use no others).
    public var parameters: Set<String> {
        switch self {
        case .adjustedGroupSeats: return ["group", "seats", "old"]
        case .adjustedSeat, .adjustedSeatPastTermLimit, .adjustedExclude, .adjustedExcludeRequired, .adjustedExcludeContinuing: return ["group", "nominee"]
        case .adjustedBound: return ["rule", "side", "old", "new"]
        case .repairApplied: return ["steps"]
        case .requiredPastTermLimit, .continuingPastTermLimit: return ["nominee", "terms", "max_terms"]
        case .absentValuesNotChecked: return ["quota", "attribute"]
        case .inputNote: return ["text"]
        case .nomineeWho: return ["group", "ranked", "gender", "region", "country"]
        case .nomineeRanked: return ["rank"]
        case .whatIfAlsoSwapsRule: return ["group", "entering", "leaving", "rule"]
        case .whatIfAlsoSwapsBest: return ["group", "entering", "leaving"]
        case .nomineeUnranked: return []
        case .rosterWithdrawn, .rosterWithdrawnOne: return ["members"]
        case .ruleLabel, .ruleMinimum, .ruleCap, .ruleExactShort, .ruleExactOver: return ["label"]
        case .theBody, .theBodyCapital, .noOne, .explainSeatedByDecision, .explainExcludedByDecision, .explainRequired,
             .explainWithdrawn, .explainVacated, .explainNoPanel, .causeNotProved, .causeExplanationsCut, .closeCall, .passedOne,
             .topFirstChoice, .topFirstChoiceNot, .seatedFirstChoice, .seatedFirstChoiceNot, .noteExplanationCutOne,
             .tieBreakUnfinished, .noteNoRepairFillable, .noteRepairPanelCut, .restMustBeSeated, .restOtherRule, .whyContinuing,
             .whyRequired, .whyWithdrawn, .whyTermLimit, .whyDecision, .whyVacated, .whyFixed, .noteNotOptimalNoExplanations,
             .members, .memberAheadUnblocked, .replaceNoRenewal, .planNoTermLimit, .lotteryNobodyToChoose,
             .auditAbsentValuesUnchecked, .whyAppointed, .explainExOfficio, .whyExOfficio,
             .auditProbabilityPool, .auditProbabilityReference, .auditProbabilityUnknown, .auditProbabilityMeaning: return []
        case .auditProbabilityHolm: return ["tests"]
        case .auditCountOutsidePool: return ["value", "count", "low", "high"]
        case .person: return ["nominee", "group", "rank"]
        case .peopleAndMore: return ["people", "more"]
        case .changes: return ["entering", "leaving"]
        case .explainContinuing, .precheckInGroup, .nullModelTooManyFixed, .nullModelTooFew, .explainAppointed: return ["group"]
        case .explainRequiredPastTermLimit: return ["limit"]
        case .explainSeatedElsewhere: return ["places", "said"]
        case .explainChosenAloneSeated, .explainChosenAloneUnseated, .noteChosenAloneFailed: return ["group"]
        case .whyChosenAlone: return []
        case .noteChosenAlone: return ["groups"]
        case .explainHistorySeated, .explainHistoryUnseated: return ["lead", "changes", "more"]
        case .notePlaces: return ["bodies", "people", "most"]
        case .explainTermLimited: return ["terms", "limit"]
        case .explainNotTestedSeated, .explainNotTestedUnseated: return ["lead", "cause"]
        case .explainNoTieSeated, .explainNoTieUnseated: return ["lead", "amount"]
        case .amountRankSum: return ["at_least"]
        case .amountLevels: return ["at_least", "level"]
        case .explainCannotBeLeftOut, .explainCannotBeSeated: return ["because"]
        case .because: return ["reason"]
        case .explainTieSeated, .explainTieUnseated: return ["lead", "changes", "seed"]
        case .explainWorseSeated, .explainWorseUnseated: return ["lead", "worse", "changes", "rules", "close"]
        case .worseRankSum: return ["delta", "other", "chosen"]
        case .worseLevels: return ["delta", "level"]
        case .rulesAtLimit, .rulesStopHigher, .rulesStopLower, .conflictTogether, .memberAhead: return ["rules"]
        case .leadSeatedInOrder, .leadBelowCut: return ["group", "rank"]
        case .leadSeatedAhead, .leadPassedOver: return ["group", "rank", "rivals"]
        case .leadBelowCutLowest: return ["group", "rank", "lowest"]
        case .causeSeatTaken, .causeSeatsTaken: return ["rule", "members"]
        case .causeOneEligible: return ["rule"]
        case .causeFewEligible: return ["rule", "count"]
        case .priceNoPanel, .priceNoGain: return ["label", "move"]
        case .priceGainRankSum: return ["label", "move", "gain", "changes"]
        case .priceGainLevels: return ["label", "move", "gain", "level", "changes"]
        case .moveLowering, .moveRaising: return ["bound", "from", "to"]
        case .deviationFollows: return ["group", "top"]
        case .deviationPassedOver: return ["group", "passed", "seated"]
        case .passedMany, .restOtherRules, .replaceSittingStay: return ["count"]
        case .topChoices, .seatedTop: return ["seated", "seats"]
        case .seatedTopOne: return ["seats"]
        case .noteExplanationsCut, .notePricesCut: return ["missing", "asked"]
        case .noteHiddenConflict, .noteConflictSearchCutNone, .noteConflictSearchCutMore, .noteRepairSearchCut,
             .conflictSoftCannotHelp: return ["scope"]
        case .noteTieBreakCut, .noteNotProved: return ["scope", "detail"]
        case .noteRepairSizeCut: return ["seconds"]
        case .noteRepairPanelCutDetail: return ["detail"]
        case .conflictNeedsAtLeast: return ["scope", "need", "what", "rest", "reach"]
        case .conflictAllowsAtMostForces, .conflictAllowsAtMostForce: return ["scope", "allow", "what", "rest", "reach"]
        case .conflictRepairSize: return ["rule", "bound", "value", "detail"]
        case .conflictStill: return ["conflict"]
        case .fixingAskedSeated, .fixingAskedLeftOut: return ["nominee"]
        case .fixingMustBeSeated, .fixingCannotBeSeated: return ["nominee", "why"]
        case .precheckSeatsRule: return ["group", "seats"]
        case .precheckTooFewEligible: return ["group", "eligible", "seats", "detail"]
        case .precheckOutDetail: return ["nominated", "out"]
        case .precheckMustBeSeated: return ["group", "fixed", "seats"]
        case .precheckNobodyFrom: return ["values", "in", "scope", "min"]
        case .precheckNobodyWith: return ["subject", "in", "scope", "min"]
        case .precheckTooFewWithOne: return ["scope", "min", "subject"]
        case .precheckTooFewWith: return ["scope", "min", "subject", "eligible"]
        case .precheckTooManyFixed: return ["scope", "max", "subject", "fixed"]
        case .precheckMinimumsAddUp: return ["attribute", "scope", "total", "parts", "seats"]
        case .precheckMinimumPart: return ["min", "values"]
        case .rulesAndMore: return ["rules", "more"]
        case .replacePromotedOne, .replaceDroppedOne: return ["file"]
        case .replacePromoted, .replaceDropped: return ["rows", "file"]
        case .planNewcomersServe: return ["years"]
        case .lotteryClasses: return ["nominees", "classes"]
        case .lotteryStageCut: return ["stage", "minimum", "bound"]
        case .lotteryFloorsLowered: return ["by"]
        case .lotteryFirstDistributionCut: return ["patterns"]
        case .auditPercentagesOnRoster, .auditPercentagesInComposition: return ["members", "seats"]
        case .precheckMinimumAboveSeats: return ["scope", "min", "subject", "seats"]
        case .noteUncounted: return ["groups", "seats"]
        case .noteAppointed: return ["groups"]
        }
    }
}
