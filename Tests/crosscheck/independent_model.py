"""An independent model of a Seatwise selection (docs/reference.md, "Nominations file" and "Policy file"; docs/guide/run-a-round.md, "What a selection does"), built from the nominations CSV and
the policy YAML and solved with HiGHS. It shares no code with Seatwise: it reads the files itself and
writes every rule from the specification's words, so agreement with Seatwise is evidence, not echo.

Nominations given to it carry explicit `region` and `development` columns (no country table needed)."""

import csv
import functools
import math
from pathlib import Path
from dataclasses import dataclass, field
from fractions import Fraction

import highspy
import yaml


def norm(text):
    return (text or "").strip().casefold()


@dataclass
class Nominee:
    id: str
    group: str
    rank: int | None
    status: str
    terms: int
    attrs: dict


@dataclass
class Row:
    """One linear rule: sum of x over members, bounded; `ref` says what it is, as Seatwise's JSON does."""
    members: list
    lower: float
    upper: float
    ref: dict
    soft: bool = False
    priority: int = 0


@dataclass
class Instance:
    nominees: list
    seats: dict
    quotas: list
    continuing: str
    max_terms: int | None
    seed: int
    objective: str
    rows: list = field(default_factory=list)
    # Groups seated but counted in no quota (`{seats: N, counts: false}`).
    uncounted: set = field(default_factory=set)
    # Groups that appoint their own members (`{seats: N, mode: appointed}`): every listed member is seated.
    appointed: set = field(default_factory=set)
    # Groups that choose alone (`{seats: N, mode: independent}`), in the policy's order.
    independent: list = field(default_factory=list)
    # With `history.prefer: fewer_country_seats`: each nominee's weight in the history stage (the seats
    # their country held in the compositions counted), minimised after the rank sum.
    history_weights: list = None


def bound_value(text, seats, is_min):
    text = str(text).strip()
    if text.endswith("%"):
        p = Fraction(text[:-1]) / 100
        v = p * seats
        return math.ceil(v) if is_min else math.floor(v)
    return int(text)


COUNTRIES = Path(__file__).resolve().parents[2] / "Sources/Seatwise/Resources/countries.csv"


@functools.cache
def country_records():
    """Each country's row of the reference table that ships, by ISO code or name."""
    table = {}
    with open(COUNTRIES, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for key in (r["iso2"], r["iso3"], r["name"]):
                table[norm(key)] = r
    return table


@functools.cache
def country_table():
    """Region and development status by ISO code or name."""
    # Territories that are not UN members count in the group of their geography (countries-README).
    return {k: (r["un_regional_group"] or r.get("un_regional_group_geographic") or "", r["development_status"])
            for k, r in country_records().items()}


def read_history(paths, window):
    """Past compositions (docs/guide/several-bodies.md, "History"): {year: [(id, country ISO3)]} from files with a year column
    or a year in their name; returns (consecutive terms by id up to the latest, seats by country over
    the last `window` compositions)."""
    import re
    years = {}
    for path in paths:
        named = re.findall(r"(?<!\d)(\d{4})(?!\d)", Path(path).name)
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                row = {k.strip().lower(): (v or "").strip() for k, v in row.items()}
                if not any(row.values()):
                    continue
                year = int(row["year"]) if row.get("year") else int(named[0])
                country = country_iso3()[norm(row["country"])]
                years.setdefault(year, []).append((norm(row["id"]), country))
    order = sorted(years)
    sets = [{i for i, _ in years[y]} for y in order]
    terms = {}
    for person in (sets[-1] if sets else set()):
        k = 0
        for s in reversed(sets):
            if person not in s:
                break
            k += 1
        terms[person] = k
    counted = order[-window:] if window else order
    seats = {}
    for y in counted:
        for _, country in years[y]:
            seats[country] = seats.get(country, 0) + 1
    return terms, seats


@functools.cache
def country_iso3():
    """ISO alpha-3 by ISO code or name."""
    return {k: r["iso3"] for k, r in country_records().items()}


def row_attributes(row, skip=()):
    """A nominations row's attributes (region and development from the country table when not given),
    with `status` and `terms`, which count in quotas like any attribute (docs/reference.md, "Policy file")."""
    attrs = {k: v for k, v in row.items() if k not in ("id", "name", "rank", "status", "terms", *skip)}
    if not attrs.get("region") or not attrs.get("development"):
        region, development = country_table()[norm(attrs["country"])]
        attrs["region"] = attrs.get("region") or region
        attrs["development"] = attrs.get("development") or development
    status, terms = row.get("status") or "new", int(row.get("terms") or 0)
    attrs["status"], attrs["terms"] = status, str(terms)
    return attrs, status, terms


def load(nominations_path, policy_path, history=None):
    with open(policy_path, encoding="utf-8-sig") as f:
        policy = yaml.safe_load(f)
    nominees = []
    with open(nominations_path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            row = {k.strip().lower(): (v or "").strip() for k, v in row.items()}
            attrs, status, terms = row_attributes(row)
            nominees.append(Nominee(row["id"], row["group"], int(row["rank"]) if row.get("rank") else None, status, terms, attrs))
    rules = policy.get("rules") or {}
    quotas = list(policy.get("quotas") or [])
    if rules.get("renewal"):
        # rules.renewal is the quota `status = new` with min_new, in every group or in the body, after the listed ones.
        renewal = {"attribute": "status", "value": "new", "min": rules["renewal"]["min_new"]}
        if rules["renewal"].get("per") == "group":
            renewal["per"] = "group"
        quotas.append(renewal)
    seats, uncounted, appointed, independent = {}, set(), set(), []
    for g, s in policy["seats"].items():
        if isinstance(s, dict):
            seats[g] = s["seats"]
            if s.get("counts") is False:
                uncounted.add(g)
            if s.get("mode") == "appointed":
                appointed.add(g)
            if s.get("mode") == "independent":
                independent.append(g)
        else:
            seats[g] = s
    if history:
        # Terms and each country's past seats come from the past compositions, not from the file.
        terms, past = read_history(history, (policy.get("history") or {}).get("compositions"))
        for n in nominees:
            n.terms = terms.get(norm(n.id), 0)
            n.attrs["terms"] = str(n.terms)
            n.attrs["country_past_seats"] = str(past.get(country_iso3().get(norm(n.attrs["country"]), n.attrs["country"].upper()), 0))
    inst = Instance(nominees, seats, quotas, rules.get("continuing", "keep"),
                    rules.get("max_terms"), int((policy.get("tie_break") or {}).get("seed", 1)), policy.get("objective", "rank-sum"),
                    uncounted=uncounted, appointed=appointed, independent=independent)
    if history and (policy.get("history") or {}).get("prefer") == "fewer_country_seats":
        inst.history_weights = [int(n.attrs["country_past_seats"]) for n in nominees]
    inst.rows = build_rows(inst)
    return inst


def fixed_value(inst, n):
    """1, 0 or None (free), by status and term limit (docs/guide/run-a-round.md, "What a selection does")."""
    limited = inst.max_terms is not None and n.terms >= inst.max_terms
    if n.status == "withdrawn":
        return 0
    if n.group in inst.appointed:
        return 1
    if n.status in ("required", "ex_officio"):
        return 1
    if n.status == "continuing" and inst.continuing == "keep":
        return 0 if limited else 1
    return 0 if limited else None


REFERENCE_VALUES = {"region": ["African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG"],
                    "development": ["developed", "economy_in_transition", "developing"]}


def build_rows(inst):
    rows = []
    for g, s in inst.seats.items():
        rows.append(Row([i for i, n in enumerate(inst.nominees) if n.group == g], s, s, {"kind": "seats", "group": g}))
    for qi, q in enumerate(inst.quotas):
        attr = q["attribute"].strip().lower()
        # A group counted in no quota is in no scope, and its members in no row.
        counted = {g: s for g, s in inst.seats.items() if g not in inst.uncounted}
        if q.get("per") == "group":
            scopes = [(g, s) for g, s in counted.items()]
        elif q.get("group"):
            scopes = [(q["group"], inst.seats[q["group"]])]
        else:
            scopes = [(None, sum(counted.values()))]
        for group, seats in scopes:
            members = [i for i, n in enumerate(inst.nominees) if (group is None and n.group in counted) or n.group == group]
            if q.get("each"):
                present = sorted({norm(inst.nominees[i].attrs.get(attr)) for i in members
                                  if fixed_value(inst, inst.nominees[i]) != 0 and inst.nominees[i].attrs.get(attr)})
                # Region and development: every value of the UN reference list is a row, nominated or not
                # (docs/guide/run-a-round.md, "Decisions where the specification is silent").
                reference = REFERENCE_VALUES.get(attr, [])
                value_sets = [[v] for v in sorted(set(present) | {norm(r) for r in reference})]
            elif "values" in q:
                value_sets = [[norm(v) for v in q["values"]]]
            else:
                value_sets = [[norm(q["value"])]]
            for values in value_sets:
                counted = [i for i in members if norm(inst.nominees[i].attrs.get(attr)) in values]
                lo = bound_value(q["min"], seats, True) if "min" in q else None
                hi = bound_value(q["max"], seats, False) if "max" in q else None
                ref = {"quota": qi + 1, "attribute": attr, "values": values, "scope": group or "body"}
                soft = not q.get("hard", False)
                prio = int(q.get("priority", 0))
                if lo is not None and hi is not None and lo == hi:
                    rows.append(Row(counted, lo, lo, dict(ref, bound="exact"), soft, prio))
                    continue
                if lo is not None and lo > 0:
                    rows.append(Row(counted, lo, math.inf, dict(ref, bound="min"), soft, prio))
                if hi is not None:
                    rows.append(Row(counted, -math.inf, hi, dict(ref, bound="max"), soft, prio))
    return rows


def same_rule(row, ref):
    """Whether a row of this model is the rule a Seatwise reference names."""
    if ref["kind"] == "seats":
        return row.ref.get("kind") == "seats" and row.ref["group"] == ref["group"]
    if ref["kind"] != "quota" or "quota" not in row.ref:
        return False
    return (row.ref["quota"] == ref["quota"] and row.ref["scope"] == ref["scope"] and row.ref["bound"] == ref["bound"]
            and sorted(row.ref["values"]) == sorted(norm(v) for v in ref["values"]))


class Solver:
    """x_i binary per nominee, the given rows, fixings; objectives minimised in order, each then held."""

    def __init__(self, inst, rows, fixings, groups=None, slacks=False):
        self.inst = inst
        self.h = highspy.Highs()
        self.h.setOptionValue("output_flag", False)
        self.h.setOptionValue("mip_rel_gap", 0.0)
        self.h.setOptionValue("mip_abs_gap", 0.0)
        self.cols = [i for i, n in enumerate(inst.nominees) if groups is None or n.group in groups]
        self.index = {i: k for k, i in enumerate(self.cols)}
        inf = highspy.kHighsInf
        for i in self.cols:
            v = fixings.get(i)
            self.h.addVar(v if v is not None else 0, v if v is not None else 1)
        self.h.changeColsIntegrality(len(self.cols), list(range(len(self.cols))), [highspy.HighsVarType.kInteger] * len(self.cols))
        self.slack_cols = []
        for row in rows:
            idx = [self.index[i] for i in row.members if i in self.index]
            vals = [1.0] * len(idx)
            if slacks and row.soft and "quota" in row.ref:
                # One slack per side that the row bounds, each an integer >= 0.
                for sign, active in ((1.0, row.lower > -math.inf), (-1.0, row.upper < math.inf)):
                    if active:
                        self.h.addVar(0, len(self.cols))
                        k = self.h.getNumCol() - 1
                        self.h.changeColsIntegrality(1, [k], [highspy.HighsVarType.kInteger])
                        self.slack_cols.append((k, row.priority))
                        idx.append(k)
                        vals.append(sign)
            self.h.addRow(row.lower if row.lower > -math.inf else -inf, row.upper if row.upper < math.inf else inf,
                          len(idx), idx, vals)

    def minimize(self, costs):
        """costs: {column: coefficient}; returns the optimum or None when infeasible."""
        n = self.h.getNumCol()
        c = [0.0] * n
        for k, v in costs.items():
            c[k] = float(v)
        self.h.changeColsCost(n, list(range(n)), c)
        self.h.changeObjectiveSense(highspy.ObjSense.kMinimize)
        self.h.run()
        status = self.h.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return None
        assert status == highspy.HighsModelStatus.kOptimal, status
        return round(self.h.getInfo().objective_function_value)

    def hold(self, costs, value):
        idx = sorted(costs)
        self.h.addRow(-highspy.kHighsInf, value + 0.5, len(idx), idx, [float(costs[k]) for k in idx])

    def values(self):
        sol = self.h.getSolution().col_value
        return [round(v) for v in sol]

    def feasible(self):
        return self.minimize({}) is not None


def fixings_of(inst):
    fixings = {i: fixed_value(inst, n) for i, n in enumerate(inst.nominees) if fixed_value(inst, n) is not None}
    # A group that chooses alone (mode: independent) fills its seats first, from its own list, by its
    # ranking (rank sum, then the seed's order) under the rules inside it; its choice is then fixed.
    ranks = effective_ranks(inst)
    for g in inst.independent:
        rows = [r for r in inst.rows if r.ref.get("group") == g or r.ref.get("scope") == g]
        s = Solver(inst, rows, fixings, groups={g})
        costs = {k: ranks[i] for i, k in s.index.items()}
        best = s.minimize(costs)
        chosen = set()
        if best is not None:
            s.hold(costs, best)
            s.minimize({k: tie_weight(inst.seed, inst.nominees[i].id) for i, k in s.index.items()})
            values = s.values()
            chosen = {i for i, k in s.index.items() if values[k] == 1}
        for i in s.cols:
            if fixings.get(i) is None:
                fixings[i] = 1 if i in chosen else 0
    return fixings


def effective_ranks(inst):
    worst = {}
    for n in inst.nominees:
        if n.rank is not None:
            worst[n.group] = max(worst.get(n.group, 0), n.rank)
    return [n.rank if n.rank is not None else worst.get(n.group, 0) + 1 for n in inst.nominees]


MASK = (1 << 64) - 1


def mix(z):
    """SplitMix64's finaliser, for the tie-break order (docs/guide/run-a-round.md, "What a selection does")."""
    z = (z + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def tie_weight(seed, nominee_id):
    h = 0xCBF29CE484222325
    for b in nominee_id.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & MASK
    return (mix(h ^ mix(seed)) >> 44) + 1


# --- Several bodies from one pool (docs/guide/several-bodies.md, "Several bodies from one pool") ------------------------------


def place_name(body, group):
    return body if group is None else f"{body} · {group}"


def load_bodies(nominations_path, policy_path):
    """The same instance as `load`, for a policy with `bodies:`: a 0/1 variable per person and place
    applied for (a place is a body, or a group inside one), each body's seats filled exactly, each
    body's quotas inside it, the top-level quotas across all bodies, and every person seated in at most
    `places_per_person` places. A person with one place keeps their id; with several, each place is
    `ID@PLACE`, as Seatwise's reports name it."""
    with open(policy_path, encoding="utf-8-sig") as f:
        policy = yaml.safe_load(f)
    seats, groups_of, roles, uncounted = {}, {}, set(), set()
    for body, spec in policy["bodies"].items():
        spec = spec if isinstance(spec, dict) else {"seats": spec}
        groups_of[body] = []
        if isinstance(spec["seats"], dict):
            for g, s in spec["seats"].items():
                name = place_name(body, g)
                seats[name] = s["seats"] if isinstance(s, dict) else s
                if isinstance(s, dict) and s.get("role"):
                    roles.add(name)
                if isinstance(s, dict) and s.get("counts") is False:
                    uncounted.add(name)
                groups_of[body].append((g, name))
        else:
            seats[body] = spec["seats"]
            groups_of[body].append((None, body))
    quotas = list(policy.get("quotas") or [])
    for body, spec in policy["bodies"].items():
        for q in (spec.get("quotas") or []) if isinstance(spec, dict) else []:
            own = groups_of[body]
            if q.get("group"):
                quotas.append(dict(q, group=place_name(body, q["group"])))
            elif len(own) == 1:
                quotas.append(dict(q, group=own[0][1]))
            else:  # per: group inside the body: one quota, a row per group of the body
                quotas.append(dict(q, per=None, groups=[name for _, name in own]))
    nominees, people = [], {}
    with open(nominations_path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            row = {k.strip().lower(): (v or "").strip() for k, v in row.items()}
            attrs, status, terms = row_attributes(row, skip=("bodies", "group"))
            wanted = [g.strip() for g in row.get("group", "").split(";") if g.strip()]
            places = []
            for entry in row["bodies"].split(";"):
                body, _, group = (part.strip() for part in entry.partition(":"))
                body = next(b for b in groups_of if norm(b) == norm(body))
                own = groups_of[body]
                if group:
                    chosen = [name for g, name in own if norm(g) == norm(group)]
                elif len(own) == 1:
                    chosen = [own[0][1]]
                else:
                    chosen = [name for g, name in own if norm(g) in {norm(w) for w in wanted}]
                places += [c for c in chosen if c not in places]
            ranks = [r.strip() for r in row.get("rank", "").split(";")] if row.get("rank") else []
            for k, place in enumerate(places):
                rank = ranks[k] if len(ranks) > 1 else (ranks[0] if ranks else "")
                pid = row["id"] if len(places) == 1 else f"{row['id']}@{place}"
                nominees.append(Nominee(pid, place, int(rank) if rank else None, status, terms, dict(attrs, group=place)))
                people.setdefault(row["id"], []).append(len(nominees) - 1)
    rules = policy.get("rules") or {}
    inst = Instance(nominees, seats, quotas, rules.get("continuing", "keep"), rules.get("max_terms"),
                    int((policy.get("tie_break") or {}).get("seed", 1)), policy.get("objective", "rank-sum"), uncounted=uncounted)
    rows = []
    for g, s in seats.items():
        rows.append(Row([i for i, n in enumerate(nominees) if n.group == g], s, s, {"kind": "seats", "group": g}))
    for qi, q in enumerate(quotas):
        within = q.get("groups")
        single = Instance(nominees, seats, [dict(q, per="group") if within else q], inst.continuing, inst.max_terms, 0, "rank-sum",
                          uncounted=uncounted)
        for r in build_rows(single):
            if r.ref.get("kind") == "seats" or (within and r.ref["scope"] not in within):
                continue
            r.ref = dict(r.ref, quota=qi + 1)
            rows.append(r)
    most = int(rules.get("places_per_person", 1))
    for person, places in sorted(people.items()):
        if len(places) > most:
            rows.append(Row(places, -math.inf, most, {"kind": "places", "person": person}, soft=False))
    inst.rows = rows
    inst.people = people
    inst.roles = roles
    return inst
