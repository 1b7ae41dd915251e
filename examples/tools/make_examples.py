#!/usr/bin/env python3
"""Writes the example nominations files (invented people, realistic proportions) deterministically.

Run from the repository root: python3 examples/tools/make_examples.py
Names are built from invented syllables; countries come from the bundled reference table.
"""
import csv
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "Sources/Seatwise/Resources/countries.csv"

FIRST = ["Ama", "Bel", "Cor", "Dar", "Eli", "Fen", "Gal", "Hal", "Ila", "Jor", "Kae", "Lio", "Mar", "Nel", "Ori",
         "Pel", "Qui", "Ros", "Sal", "Tam", "Ula", "Ven", "Wil", "Xan", "Yar", "Zel"]
FIRST_END = ["a", "an", "ia", "o", "en", "is", "ine", "el", "ar", "u", "ette", "or"]
LAST_A = ["Ab", "Bren", "Cald", "Dov", "Est", "Farr", "Gorm", "Hess", "Ivr", "Jast", "Kell", "Lund", "Morv", "Nast",
          "Olv", "Prax", "Quell", "Rask", "Sorr", "Tavr", "Umb", "Varn", "Wex", "Yst", "Zorn"]
LAST_B = ["ari", "berg", "cott", "dane", "ello", "field", "gard", "holm", "ini", "just", "kov", "lin", "mere",
          "nova", "ost", "pell", "quist", "rud", "sen", "thorn", "uru", "vik", "well", "yama", "zadi"]
ORG_A = ["Open", "Civic", "Digital", "Global", "Network", "Common", "Public", "Regional", "Inclusive", "Secure", "Free",
         "Community", "Rural", "Youth", "Citizen"]
ORG_B = ["Access", "Rights", "Infrastructure", "Policy", "Standards", "Futures", "Commons", "Connectivity", "Literacy",
         "Resilience", "Routing", "Registry", "Exchange", "Protocol", "Data"]
ORG_C = ["Institute", "Alliance", "Foundation", "Network", "Forum", "Association", "Lab", "Council", "Coalition",
         "Group", "Society", "Collective"]


def countries():
    by_region = {}
    with open(TABLE, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["un_member_state"] == "yes" and row["un_regional_group"]:
                by_region.setdefault(row["un_regional_group"], []).append(row["iso3"])
    return by_region


REGIONS = countries()
# Nominations to such bodies come disproportionately from the Western European and Others Group.
NOMINEE_REGION_SHARE = {"WEOG": 0.36, "Asia-Pacific": 0.21, "African": 0.16, "GRULAC": 0.15, "Eastern European": 0.12}


class People:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used = set()
        self.orgs = [f"{a} {b} {c}" for a in ORG_A for b in ORG_B for c in ORG_C]
        self.rng.shuffle(self.orgs)

    def name(self):
        while True:
            n = (self.rng.choice(FIRST) + self.rng.choice(FIRST_END) + " " + self.rng.choice(LAST_A) + self.rng.choice(LAST_B))
            if n not in self.used:
                self.used.add(n)
                return n

    def region(self, share=NOMINEE_REGION_SHARE):
        r = self.rng.random()
        for region, p in share.items():
            r -= p
            if r < 0:
                return region
        return "WEOG"

    def country(self, region, taken=None):
        pool = [c for c in REGIONS[region] if not taken or c not in taken]
        return self.rng.choice(pool)

    def gender(self, female_share):
        r = self.rng.random()
        if r < 0.015:
            return "non-binary"
        return "female" if r < female_share else "male"

    def org(self, k):
        return self.orgs[k % len(self.orgs)]


def write(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def mag():
    p = People(2026)
    groups = {"Government": (95, 0.42), "Civil Society": (85, 0.52), "Private Sector": (70, 0.36), "Technical Community": (60, 0.27)}
    rows = []
    k = 0
    for group, (count, female) in groups.items():
        taken = set()
        org_base = p.rng.randrange(1000)
        continuing = {"Government": 6, "Civil Society": 4, "Private Sector": 3, "Technical Community": 3}[group]
        for rank in range(1, count + 1):
            k += 1
            region = p.region()
            if group == "Government":  # one nominee per state; a full region's surplus goes elsewhere
                while not [c for c in REGIONS[region] if c not in taken]:
                    region = p.region()
            country = p.country(region, taken if group == "Government" else None)
            if group == "Government":
                taken.add(country)
            status, terms, r = "new", 0, str(rank)
            if rank <= continuing:
                status, terms, r = "continuing", p.rng.choice([1, 1, 2]), ""
            elif p.rng.random() < 0.12:
                terms = p.rng.choice([1, 2, 3, 3])  # returning members; 3 terms hits the limit
            if p.rng.random() < 0.02:
                status = "withdrawn"
            org = "" if group == "Government" else p.org(org_base + p.rng.randrange(count // 2 + 5))
            rows.append([f"MAG-{k:03d}", p.name(), group, p.gender(female), country, r, org, status, terms])
    write(ROOT / "examples/mag/nominations.csv", ["id", "name", "group", "gender", "country", "rank", "organization", "status", "terms"], rows)


def wgec():
    p = People(1402)
    rows = []
    k = 0
    # Member states: 6-8 candidate states per regional group, ranked within the group's list of states.
    hosts = {"CHE", "TUN"}  # the two WSIS host countries
    rank = 0
    for region in ["African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG"]:
        states = [c for c in REGIONS[region] if c not in hosts]
        p.rng.shuffle(states)
        for c in states[: p.rng.randint(6, 8)]:
            k += 1
            rank += 1
            rows.append([f"WG-{k:03d}", p.name(), "Member States", p.gender(0.38), c, rank, "", "new"])
    for c in sorted(hosts):
        k += 1
        rows.append([f"WG-{k:03d}", p.name(), "Member States", p.gender(0.38), c, "", "", "required"])
    for group, count, female in [("Private Sector", 14, 0.35), ("Civil Society", 16, 0.55),
                                 ("Technical and Academic Community", 13, 0.3), ("Intergovernmental Organisations", 11, 0.45)]:
        genders = [p.gender(female) for _ in range(count)]
        while genders.count("female") < 3:  # every group nominates at least three women
            genders[p.rng.randrange(count)] = "female"
        for r in range(1, count + 1):
            k += 1
            region = p.region()
            rows.append([f"WG-{k:03d}", p.name(), group, genders[r - 1], p.country(region), r, p.org(k * 7), "new"])
    write(ROOT / "examples/wgec/nominations.csv", ["id", "name", "group", "gender", "country", "rank", "organization", "status"], rows)


ICG_COMMUNITIES = [("At-Large Users", 2), ("Address Registries", 2), ("Country-Code Operators", 4), ("Government Advisors", 5),
                   ("Generic Names Policy", 2), ("Business Users", 1), ("Architecture Board", 2), ("Engineering Task Force", 2),
                   ("Internet Society Chapters", 2), ("Number Resource Forum", 2), ("Root Server Operators", 2),
                   ("Security Advisory", 2), ("Generic Registries", 2)]


def icg():
    p = People(2014)
    rows = []
    k = 0
    # Technical communities nominate mostly men from WEOG, and rank them first.
    weog_heavy = {"WEOG": 0.58, "Asia-Pacific": 0.16, "African": 0.09, "GRULAC": 0.09, "Eastern European": 0.08}
    for community, seats in ICG_COMMUNITIES:
        count = seats * 2 + p.rng.randint(1, 3)
        nominees = []
        for _ in range(count):
            region = p.region(weog_heavy)
            gender = p.gender(0.22 if community != "At-Large Users" else 0.45)
            nominees.append((region, gender))
        # The communities' own rankings favour WEOG men, as the ICG's composition suggests.
        nominees.sort(key=lambda x: (x[0] != "WEOG") + (x[1] != "male") + p.rng.random() * 1.2)
        for r, (region, gender) in enumerate(nominees, 1):
            k += 1
            rows.append([f"ICG-{k:03d}", p.name(), community, gender, p.country(region), r, p.org(k * 13)])
    write(ROOT / "examples/icg/nominations.csv", ["id", "name", "group", "gender", "country", "rank", "organization"], rows)


def infeasible():
    p = People(7)
    rows = []
    k = 0
    spec = {
        "Government": [("African", "KEN"), ("African", "GHA"), ("WEOG", "DEU"), ("Asia-Pacific", "IND"), ("GRULAC", "BRA"),
                       ("Eastern European", "POL"), ("WEOG", "FRA"), ("Asia-Pacific", "IDN")],
        "Civil Society": [("African", "NGA"), ("WEOG", "USA"), ("GRULAC", "MEX"), ("Asia-Pacific", "PHL"), ("WEOG", "GBR"),
                          ("Eastern European", "UKR"), ("African", "SEN")],
        # Four African nominees, but from two countries only.
        "Technical Community": [("African", "ZAF"), ("African", "ZAF"), ("African", "EGY"), ("African", "EGY"), ("WEOG", "USA"),
                                ("WEOG", "CAN"), ("Asia-Pacific", "JPN"), ("GRULAC", "ARG")],
    }
    for group, people in spec.items():
        for r, (region, country) in enumerate(people, 1):
            k += 1
            rows.append([f"X-{k:02d}", p.name(), group, "female" if k % 2 else "male", country, r])
    write(ROOT / "examples/infeasible/nominations.csv", ["id", "name", "group", "gender", "country", "rank"], rows)


def icg_roster():
    """A published roster as independent selection might produce it: each community's top choices,
    shifted to the composition of the body this example is shaped after (5 women of 30, 20 from WEOG)."""
    rows = list(csv.DictReader(open(ROOT / "examples/icg/nominations.csv", encoding="utf-8")))
    region = {}
    with open(TABLE, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            region[r["iso3"]] = r["un_regional_group"] or r["un_regional_group_geographic"]
    seats = dict(ICG_COMMUNITIES)
    by_group = {}
    for r in rows:
        by_group.setdefault(r["group"], []).append(r)
    roster = {g: sorted(m, key=lambda r: int(r["rank"]))[: seats[g]] for g, m in by_group.items()}

    def count(pred):
        return sum(pred(r) for m in roster.values() for r in m)

    def swap(want, leave):
        # Replace, in the community with the most candidates, its lowest-ranked member matching `leave`
        # by its best-ranked unseated nominee matching `want`.
        for g in sorted(by_group, key=lambda g: -len(by_group[g])):
            out = [r for r in roster[g] if leave(r)]
            cand = [r for r in sorted(by_group[g], key=lambda r: int(r["rank"])) if r not in roster[g] and want(r)]
            if out and cand:
                roster[g].remove(out[-1])
                roster[g].append(cand[0])
                return True
        return False

    is_woman = lambda r: r["gender"] == "female"
    is_weog = lambda r: region[r["country"]] == "WEOG"
    while count(is_woman) < 5 and swap(is_woman, lambda r: not is_woman(r)):
        pass
    while count(is_weog) > 20 and swap(lambda r: not is_weog(r) and not is_woman(r), lambda r: is_weog(r) and not is_woman(r)):
        pass
    members = [r for g, _ in ICG_COMMUNITIES for r in sorted(roster[g], key=lambda r: int(r["rank"]))]
    write(ROOT / "examples/icg/roster.csv", ["id", "name", "group", "gender", "country", "rank", "organization"],
          [[r[k] for k in ["id", "name", "group", "gender", "country", "rank", "organization"]] for r in members])


NOMCOM_BODIES = [("Board of Directors", 3), ("Names Policy Council", 2), ("Country Codes Council", 1), ("At-Large Advisory Committee", 3),
                 ("Technical Operations Board", 1)]


def nomcom():
    """About 60 applicants for 10 seats across 5 bodies; many ask to be considered for more than one."""
    p = People(1998)
    rows = []
    names = [b for b, _ in NOMCOM_BODIES]
    ranked = {b: 0 for b in names}
    for k in range(1, 61):
        region = p.region()
        wanted = p.rng.choices([1, 2, 3], weights=[0.5, 0.35, 0.15])[0]
        bodies = p.rng.sample(names, wanted)
        ranks = []
        for b in bodies:
            ranked[b] += 1
            ranks.append(ranked[b])
        rows.append([f"NC-{k:02d}", p.name(), "; ".join(bodies), p.gender(0.38), p.country(region), "; ".join(map(str, ranks)),
                     p.org(k * 11), p.rng.choice(["yes", "no"])])
    # A non-voting liaison to the board: seated, counted in no quota.
    for k in range(61, 65):
        rows.append([f"NC-{k:02d}", p.name(), "Board liaison", p.gender(0.38), p.country(p.region()), str(k - 60), p.org(k * 11), "no"])
    write(ROOT / "examples/nomcom/nominations.csv", ["id", "name", "bodies", "gender", "country", "rank", "organization", "board_experience"], rows)


IPCC_ROLES = [("Coordinating lead authors", 2), ("Lead authors", 6), ("Review editors", 2)]


def ipcc():
    """Three chapters' author teams from about 150 nominations; a nominee may be put forward for two
    chapters, and for both kinds of author."""
    p = People(1988)
    rows = []
    chapters = ["Chapter 1", "Chapter 2", "Chapter 3"]
    share = {"WEOG": 0.42, "Asia-Pacific": 0.22, "African": 0.12, "GRULAC": 0.12, "Eastern European": 0.12}
    for k in range(1, 151):
        region = p.region(share)
        role = p.rng.choices(["Coordinating lead authors", "Lead authors", "Review editors", "Coordinating lead authors; Lead authors"],
                             weights=[0.12, 0.62, 0.14, 0.12])[0]
        picked = p.rng.sample(chapters, p.rng.choices([1, 2], weights=[0.7, 0.3])[0])
        rank = p.rng.randint(1, 40)
        rows.append([f"AR-{k:03d}", p.name(), role, "; ".join(picked), p.gender(0.33), p.country(region), rank,
                     p.org(k * 13), p.rng.choices(["yes", "no"], weights=[0.45, 0.55])[0]])
    write(ROOT / "examples/ipcc/nominations.csv", ["id", "name", "group", "bodies", "gender", "country", "rank", "organization", "new_author"], rows)


MAG_HOST = "POL"  # the year's host country (invented)


def mag_history():
    """The MAG renewal with its past: three past rosters (2023 to 2025) from which terms are computed,
    no typed terms column, and a chair from the host country chosen in the same solve."""
    p = People(2027)
    with open(ROOT / "examples/mag/nominations.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    folder = ROOT / "examples/mag-history"
    out = []
    host_done = 0
    for r in rows:
        group = r["group"]
        # Two government nominees from the host country are also put forward for the chair.
        if group == "Government" and r["status"] == "new" and host_done < 2:
            r = dict(r, country=MAG_HOST)
            group = "Chair; Government"
            host_done += 1
        out.append([r["id"], r["name"], group, r["gender"], r["country"], r["rank"], r["organization"], r["status"]])
    write(folder / "nominations.csv", ["id", "name", "group", "gender", "country", "rank", "organization", "status"], out)
    # Past rosters: whoever has served t consecutive terms sits in the last t of them; the other seats
    # went to members who are not nominated now, mostly from a few countries that are often seated.
    years = [2023, 2024, 2025]
    often = ["USA", "GBR", "DEU", "FRA", "BRA", "IND", "CHN", "KEN", "ZAF", "EGY", "JPN", "CAN", "AUS", "ARG", "RUS", "NGA"]
    for k, year in enumerate(years):
        members = [(r["id"], r["name"], r["group"], r["country"]) for r in rows if int(r["terms"] or 0) >= len(years) - k]
        n = 0
        while len(members) < 50:
            n += 1
            country = p.rng.choice(often) if p.rng.random() < 0.8 else p.country(p.region())
            members.append((f"PAST-{year}-{n:02d}", p.name(), p.rng.choice(["Government", "Civil Society", "Private Sector", "Technical Community"]), country))
        write(folder / "history" / f"mag-{year}.csv", ["id", "name", "group", "country"], [list(m) for m in members])


if __name__ == "__main__":
    mag_history()
    nomcom()
    ipcc()
    mag()
    wgec()
    icg()
    icg_roster()
    infeasible()
