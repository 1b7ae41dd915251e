"""Brute force for small bodies: every panel that fills each group's seats exactly (fixed nominees in or
out as given), checked against every row of an independent model; the least rank sum among those that
meet them. Seats are exact, so panels are products of per-group combinations, not all subsets."""

import itertools

import independent_model as im


def best_rank_sum(inst, fixings, groups=None, rows=None):
    """The least rank sum over panels of `groups` (all by default) meeting `rows` (all by default), or
    None when none does; with the panel that reaches it (the first found)."""
    ranks = im.effective_ranks(inst)
    groups = list(groups or inst.seats)
    rows = inst.rows if rows is None else rows
    choices = []
    for g in groups:
        members = [i for i, n in enumerate(inst.nominees) if n.group == g]
        seated = {i for i in members if fixings.get(i) == 1}
        free = [i for i in members if fixings.get(i) is None]
        need = inst.seats[g] - len(seated)
        if need < 0 or need > len(free):
            return None, None
        choices.append([seated | set(c) for c in itertools.combinations(free, need)])
    best, best_panel = None, None
    for combo in itertools.product(*choices):
        panel = set().union(*combo)
        if all(r.lower <= sum(1 for i in r.members if i in panel) <= r.upper for r in rows):
            value = sum(ranks[i] for i in panel)
            if best is None or value < best:
                best, best_panel = value, panel
    return best, best_panel


def panels(inst, fixings):
    """How many panels the brute force would try (to keep the tests small)."""
    count = 1
    for g in inst.seats:
        members = [i for i, n in enumerate(inst.nominees) if n.group == g]
        free = [i for i in members if fixings.get(i) is None]
        seated = sum(1 for i in members if fixings.get(i) == 1)
        need = max(0, inst.seats[g] - seated)
        count *= len(list(itertools.combinations(free, need))) if need <= len(free) else 0
    return count
