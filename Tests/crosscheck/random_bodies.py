"""Random bodies for cross-checks: nominations with explicit region and development, and policies with
every quota form, priorities, hard quotas, continuing members and term limits. `infeasible=True` adds a
clash that needs relaxing a bound by 1 to 10 seats (too few women for a minimum, too many continuing
members for a cap, a region minimum no country cap allows)."""

import random

REGIONS = [("African", "developing"), ("Asia-Pacific", "developing"), ("Eastern European", "economy_in_transition"),
           ("GRULAC", "developing"), ("WEOG", "developed")]


def body(seed, nominees, infeasible=False):
    rng = random.Random(seed)
    groups = [f"G{k + 1}" for k in range(rng.randint(2, 5))]
    seats = {g: max(2, nominees // (len(groups) * rng.randint(3, 6))) for g in groups}
    rows = ["id,name,group,gender,country,region,development,organization,rank,status,terms"]
    per_group = nominees // len(groups)
    ids = []
    for g in groups:
        for k in range(max(per_group, seats[g] + 2)):
            region, dev = rng.choice(REGIONS)
            gender = rng.choice(["female", "male", "male", "female", "non-binary"]) if rng.random() < 0.9 else "male"
            status = rng.choices(["new", "continuing", "required", "withdrawn"], [93, 3, 1, 3])[0]
            rank = "" if rng.random() < 0.1 else str(rng.randint(1, max(per_group, 2)))
            nid = f"{g}-{k}-{rng.randint(100, 999)}"
            ids.append(nid)
            rows.append(f"{nid},Person {nid},{g},{gender},C{rng.randint(1, max(12, nominees // 20))},{region},{dev},Org{rng.randint(1, max(30, nominees // 3))},{rank},{status},{rng.randint(0, 3)}")
    quotas = []
    total = sum(seats.values())
    choices = [
        lambda: {"attribute": "gender", "value": "female", "min": f"{rng.choice([20, 30, 40])}%"},
        lambda: {"attribute": "gender", "value": "male", "max": "60%"},
        lambda: {"attribute": "region", "each": True, "min": 1},
        lambda: {"attribute": "country", "each": True, "max": f"{rng.choice([25, 35, 50])}%", "per": "group"},
        lambda: {"attribute": "development", "values": ["developing", "economy_in_transition"], "min": "30%"},
        lambda: {"attribute": "gender", "value": "female", "min": 1, "per": "group"},
        lambda: {"attribute": "region", "value": "WEOG", "max": max(1, seats[groups[0]] // 2), "group": groups[0]},
        lambda: {"attribute": "organization", "each": True, "max": 2},
    ]
    for _ in range(rng.randint(1, 4)):
        q = rng.choice(choices)()
        q["priority"] = rng.randint(0, 3)
        if rng.random() < 0.15:
            q["hard"] = True
        quotas.append(q)
    if infeasible:
        kind = rng.choice([0, 1, 2, 3, 3, 3, 4, 4, 4])
        extra = rng.randint(1, 10)
        g = rng.choice(groups)
        if kind == 0:
            # More women asked of one group than it nominated (by `extra`).
            women = sum(1 for r in rows[1:] if f",{g}," in r and ",female," in r and ",withdrawn," not in r)
            seats[g] = max(seats[g], women + extra)
            quotas.append({"attribute": "gender", "value": "female", "min": women + extra, "group": g, "priority": rng.randint(0, 3)})
        elif kind == 1:
            # A cap on developed-country members below the continuing ones (by `extra`).
            cont = [k for k, r in enumerate(rows) if k > 0 and f",{g}," in r and ",continuing," not in r][: extra + 1]
            for k in cont:
                parts = rows[k].split(",")
                parts[5], parts[6], parts[9], parts[10] = "WEOG", "developed", "continuing", "0"
                rows[k] = ",".join(parts)
            quotas.append({"attribute": "development", "value": "developed", "max": 1, "group": g, "priority": rng.randint(0, 3)})
        elif kind == 3:
            # Rules of different scopes that no count shows clash: women at most 1 in each group, but
            # `extra` more women in the body than that allows.
            quotas.append({"attribute": "gender", "value": "female", "max": 1, "per": "group", "priority": rng.randint(0, 3)})
            quotas.append({"attribute": "gender", "value": "female", "min": min(total, len(groups) + extra), "priority": rng.randint(0, 3)})
        elif kind == 4:
            # Continuing developed-country members fill a group, leaving `extra` too few seats for a
            # minimum of developing and transition countries in the body.
            fixed = 0
            for k in range(1, len(rows)):
                parts = rows[k].split(",")
                if parts[2] == g and parts[9] not in ("continuing", "required") and fixed < seats[g]:
                    parts[5], parts[6], parts[9], parts[10] = "WEOG", "developed", "continuing", "0"
                    rows[k] = ",".join(parts)
                    fixed += 1
                elif parts[2] == g and parts[9] in ("continuing", "required"):
                    parts[9] = "new"
                    rows[k] = ",".join(parts)
            quotas.append({"attribute": "development", "values": ["developing", "economy_in_transition"],
                           "min": min(total, total - fixed + extra), "priority": rng.randint(0, 3)})
        else:
            # Every region at least `extra` in the body, with at most 1 per country in each group.
            quotas.append({"attribute": "region", "each": True, "min": min(extra, total // 5 + 1), "priority": rng.randint(0, 3)})
            quotas.append({"attribute": "country", "each": True, "max": 1, "per": "group", "priority": rng.randint(0, 3)})
    policy = {"body": f"Random body {seed}", "seats": seats, "quotas": quotas,
              "rules": {"continuing": "keep", "max_terms": 3}, "objective": "rank-sum", "tie_break": {"seed": rng.randint(0, 10_000)}}
    return "\n".join(rows) + "\n", policy
