// Explanations: every reason kind on a fixture built for it, asserted by content (who, which rule, how
// much); and every counterfactual difference checked against brute force with the nominee forced.

import Testing
@testable import Seatwise

@Suite("Explanations")
struct ExplanationTests {
    static func nominee(_ id: String, _ group: String, rank: Int?, _ gender: String, _ country: String, _ region: String,
                        status: NomineeStatus = .new, terms: Int = 0, countrySeats: Int = 0) -> Nominee {
        Nominee(id: id, name: "Person \(id)", group: group, rank: rank, status: status, terms: terms,
                attributes: ["gender": gender, "country": country, "region": region, "development": "developing",
                             History.countrySeatsAttribute: String(countrySeats)])
    }

    /// A body in which every reason kind occurs.
    static let fixture: SelectionInput = {
        let nominees = [
            nominee("g1", "Gov", rank: nil, "male", "DEU", "WEOG", status: .continuing),
            nominee("g2", "Gov", rank: nil, "female", "KEN", "African", status: .required),
            nominee("g3", "Gov", rank: 4, "female", "ITA", "WEOG", status: .withdrawn),
            nominee("g4", "Gov", rank: 5, "female", "ESP", "WEOG", terms: 3),
            nominee("g7", "Gov", rank: 1, "male", "DEU", "WEOG"), // DEU is taken by continuing g1
            nominee("g5", "Gov", rank: 2, "male", "FRA", "WEOG"),
            nominee("g6", "Gov", rank: 3, "male", "FRA", "WEOG"),
            nominee("c1", "CS", rank: 1, "male", "BRA", "GRULAC"),
            nominee("c2", "CS", rank: 2, "male", "IND", "Asia-Pacific"),
            nominee("c3", "CS", rank: 3, "female", "CHN", "Asia-Pacific"),
            nominee("c4", "CS", rank: 5, "female", "JPN", "Asia-Pacific"),
            nominee("t1", "TC", rank: nil, "male", "ARG", "GRULAC"),
            nominee("t2", "TC", rank: nil, "male", "CHL", "GRULAC"),
            nominee("i1", "IO", rank: 2, "male", "GHA", "African"),
            nominee("i2", "IO", rank: 1, "male", "NLD", "WEOG"), // no WEOG seat in IO
            nominee("a1", "Obs", rank: nil, "male", "CAN", "WEOG", terms: 5), // Obs appoints its own: seated past the limit
            nominee("h1", "Host", rank: nil, "male", "TUN", "African", status: .exOfficio, terms: 4), // an office's seat
            nominee("s1", "Solo", rank: 2, "male", "PER", "GRULAC"), // Solo chooses alone: its first choice, s2, is seated
            nominee("s2", "Solo", rank: 1, "male", "URY", "GRULAC"),
            // Hist: two first choices for one seat; the history stage seats the one whose country held fewer seats.
            nominee("x1", "Hist", rank: 1, "male", "GBR", "WEOG", countrySeats: 4),
            nominee("x2", "Hist", rank: 1, "female", "NPL", "Asia-Pacific", countrySeats: 0),
        ]
        var policy = Policy(body: "Fixture", seats: ["Gov": 3, "CS": 2, "TC": 1, "IO": 1, "Obs": 1, "Host": 1, "Solo": 1, "Hist": 1], quotas: [
            Quota(index: 0, attribute: "gender", selector: .one("female"), min: .count(2)),
            Quota(index: 1, attribute: "country", selector: .each, max: .count(1), scope: .perGroup),
            Quota(index: 2, attribute: "region", selector: .one("WEOG"), max: .count(0), scope: .group("IO")),
        ], rules: SelectionRules(continuing: .keep, maxTerms: 3), seed: 7)
        // Obs appoints its observer, who counts in no quota: the quotas' seats stay 7.
        policy.rules.appointed = ["Obs"]
        policy.rules.independent = ["Solo"]
        policy.uncounted = ["Obs", "Host", "Solo", "Hist"]
        policy.history = HistorySettings(preferFewerCountrySeats: true)
        var input = SelectionInput(policy: policy, nominees: nominees)
        input.history = History(compositions: [], files: [])
        return input
    }()

    func explain() throws -> (SelectionResult, [String: Explanation]) {
        let result = try SelectionSolver.run(Self.fixture)
        let report = try Explainer.explain(result)
        let ids = result.input.nominees.map(\.id)
        return (result, Dictionary(uniqueKeysWithValues: report.explanations.map { (ids[$0.nominee], $0) }))
    }

    @Test("every reason kind occurs and says who, which rule and how much")
    func everyReason() throws {
        let (result, e) = try explain()
        let ids = result.input.nominees.map(\.id)
        #expect(result.status == .optimal)
        #expect(Set(e.values.map(\.reason)) == Set(Explanation.Reason.allCases).subtracting([.noPanel, .decision, .notTested, .vacated]))

        #expect(e["g1"]!.reason == .continuing && e["g1"]!.decision == .seated)
        #expect(e["g2"]!.reason == .required && e["g2"]!.decision == .seated)
        #expect(e["h1"]!.reason == .exOfficio && e["h1"]!.decision == .seated && e["h1"]!.said == Message(.explainExOfficio))
        #expect(e["a1"]!.reason == .appointed && e["a1"]!.decision == .seated && e["a1"]!.said == Message(.explainAppointed, ["group": .text("Obs")]))
        #expect(e["s2"]!.reason == .chosenAlone && e["s2"]!.decision == .seated && e["s2"]!.said == Message(.explainChosenAloneSeated, ["group": .text("Solo")]))
        #expect(e["s1"]!.reason == .chosenAlone && e["s1"]!.decision == .notSeated)
        #expect(e["x2"]!.reason == .history && e["x2"]!.decision == .seated && e["x2"]!.delta == 0)
        #expect(e["x1"]!.reason == .history && e["x1"]!.decision == .notSeated && e["x1"]!.said.parameters["more"] == .number(4))
        #expect(e["g3"]!.reason == .withdrawn && e["g3"]!.decision == .notSeated)
        #expect(e["g4"]!.reason == .termLimited && e["g4"]!.message.contains("3 consecutive terms"))

        // g7 is ranked first but Germany's one Government seat is held by the continuing g1.
        #expect(e["g7"]!.reason == .cannotBeSeated && e["g7"]!.delta == nil)
        #expect(e["g7"]!.ruleWords == ["quota 2: country = DEU, at most 1 of 3 seats in Gov"])
        #expect(e["g7"]!.said.nominees == ["g1"])

        // Without g5, g6 (3rd instead of 2nd) takes the seat: the rank sum rises by 1.
        #expect(e["g5"]!.reason == .aheadOfHigherRanked && e["g5"]!.delta == 1)
        #expect(e["g5"]!.entering.map { ids[$0] } == ["g6"] && e["g5"]!.leaving.map { ids[$0] } == ["g5"])
        #expect(e["g6"]!.reason == .belowCut)

        // CS must seat a woman for the body's minimum of 2: c3 (3rd) is seated ahead of c2 (2nd).
        #expect(e["c1"]!.reason == .inRankOrder)
        #expect(e["c3"]!.reason == .aheadOfHigherRanked && e["c3"]!.delta == 2 && e["c3"]!.closeCall)
        #expect(e["c3"]!.entering.map { ids[$0] } == ["c4"] && e["c3"]!.leaving.map { ids[$0] } == ["c3"])
        #expect(e["c3"]!.ruleWords == ["quota 1: gender = female, at least 2 of 7 seats in the body"])
        #expect(e["c2"]!.reason == .passedOver && e["c2"]!.delta == 1 && e["c2"]!.closeCall)
        #expect(e["c2"]!.entering.map { ids[$0] } == ["c2"] && e["c2"]!.leaving.map { ids[$0] } == ["c1"])
        #expect(e["c4"]!.reason == .belowCut)

        // TC: two unranked nominees for one seat, an exact tie that the seed decides.
        #expect(e["t1"]!.reason == .tie && e["t2"]!.reason == .tie && e["t1"]!.delta == 0)
        #expect(e["t1"]!.decision != e["t2"]!.decision)
        #expect(e["t1"]!.said.mentions(e["t1"]!.decision == .seated ? .explainTieSeated : .explainTieUnseated, ["seed": .text("7")]))

        // IO: i2 is ranked first but IO may seat no one from WEOG, so i1 cannot be left out.
        #expect(e["i2"]!.reason == .cannotBeSeated && e["i2"]!.ruleWords == ["quota 3: region = WEOG, at most 0 of 1 seat in IO"])
        #expect(e["i1"]!.reason == .cannotBeLeftOut && e["i1"]!.delta == nil)
        #expect(e["i1"]!.ruleWords.contains("quota 3: region = WEOG, at most 0 of 1 seat in IO"))
        #expect(e["i1"]!.ruleWords.contains("IO fills exactly 1 seat"))
    }

    @Test("quota prices: the female minimum at its limit, lowered by one, frees a better panel")
    func prices() throws {
        let result = try SelectionSolver.run(Self.fixture)
        let report = try Explainer.explain(result)
        let female = report.prices.first { $0.label.hasPrefix("quota 1:") }
        #expect(female?.bound == .min && female?.from == 2 && female?.to == 1)
        #expect(female?.improvement == 1, "c2 (2nd) replaces c3 (3rd)")
        #expect(female.map { $0.entering.map { result.input.nominees[$0].id } } == ["c2"])
        let deviations = report.deviations.first { $0.group == "CS" }!
        #expect(deviations.passedOver.map { result.input.nominees[$0.nominee].id } == ["c2"])
    }

    @Test("one nominee on request; an unknown id is bad input")
    func oneNominee() throws {
        let result = try SelectionSolver.run(Self.fixture)
        let report = try Explainer.explain(result, options: ExplanationOptions(nominee: "c3"))
        #expect(report.explanations.count == 1 && report.explanations[0].reason == .aheadOfHigherRanked)
        #expect(throws: InputError.self) { _ = try Explainer.explain(result, options: ExplanationOptions(nominee: "zz")) }
    }

    @Test("every counterfactual difference matches brute force with the nominee forced",
          arguments: [ObjectiveKind.rankSum, .lexicographic])
    func deltasAgainstBruteForce(objective: ObjectiveKind) throws {
        var rng = TestRandom(objective == .rankSum ? 404 : 505)
        var checked = 0, impossible = 0
        for instance in 0..<150 {
            let input = RandomInstance.make(&rng, objective: objective)
            let result = try SelectionSolver.run(input)
            guard result.status == .optimal else { continue }
            let report = try Explainer.explain(result)
            let policy = input.policy
            let levels = input.nominees.indices.map { BruteForce.effectiveRank(input.nominees, $0) }.max() ?? 1
            let chosen = BruteForce.key(Set(result.seated), input.nominees, policy, levels: levels)
            for e in report.explanations where [.aheadOfHigherRanked, .passedOver, .tie, .cannotBeSeated, .cannotBeLeftOut].contains(e.reason) || e.delta != nil {
                let forced = BruteForce.best(input.nominees, policy, groups: policy.groups, bodyQuotas: true,
                                             forced: [e.nominee: e.decision == .notSeated])
                guard let forced else {
                    #expect(e.delta == nil && [.cannotBeSeated, .cannotBeLeftOut].contains(e.reason), "instance \(instance): brute force finds no reversed panel")
                    impossible += 1
                    continue
                }
                let k = chosen.indices.first { chosen[$0] != forced.key[$0] }
                let expected = k.map { forced.key[$0] - chosen[$0] } ?? 0
                #expect(e.delta == expected, "instance \(instance) \(e.reason): delta \(String(describing: e.delta)), brute force \(expected)")
                // The reported reversed panel itself is one of the best: check its score.
                var panel = Set(result.seated)
                panel.subtract(e.leaving)
                panel.formUnion(e.entering)
                #expect(BruteForce.meetsRules(panel, input.nominees, policy, groups: policy.groups, bodyQuotas: true))
                #expect(BruteForce.key(panel, input.nominees, policy, levels: levels) == forced.key)
                checked += 1
            }
        }
        #expect(checked >= 40 && impossible >= 1, "checked \(checked), impossible \(impossible)")
    }
}
