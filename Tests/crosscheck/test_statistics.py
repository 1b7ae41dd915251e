"""The audit's statistics against independent computations: every one-sided and two-sided probability
against scipy (binomial tails and `binomtest`, Fisher's exact test for one group, numpy convolutions of
scipy's hypergeometric for several), Holm's adjustment computed here over the audit's whole family, and a
composition with blank cells given the range of each probability over every count the blanks allow, by
enumeration. Also `audit --strict`: exit 1 exactly when a rule is broken."""

import csv
import io
import math

import numpy as np
import pytest
from scipy import stats

from conftest import ROOT, report

ICG = ROOT / "examples" / "icg"


def holm(values):
    """Holm's step-down adjustment, written here from its definition."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    m, out, running = len(values), [None] * len(values), 0.0
    for k, i in enumerate(order):
        running = max(running, min(1.0, (m - k) * values[i]))
        out[i] = running
    return out


def two_sided(pmf, k):
    """The minimum-likelihood two-sided p-value of a discrete distribution (scipy's rule, tolerance 1e-7)."""
    return min(1.0, float(sum(p for p in pmf if p <= pmf[k] * (1 + 1e-7))))


def one_sided(pmf, k):
    mean = sum(i * p for i, p in enumerate(pmf))
    return min(1.0, float(sum(pmf[: k + 1]) if k < mean else sum(pmf[k:])))


def pool_pmf(pool_rows, roster_rows, attribute, value):
    """Each group's seats drawn at random from its nominees: the convolution of per-group hypergeometrics
    (the ICG pool has no continuing or required members)."""
    pmf = np.array([1.0])
    for group in sorted({r["group"] for r in roster_rows}):
        nominees = [r for r in pool_rows if r["group"] == group]
        draws = sum(1 for r in roster_rows if r["group"] == group)
        with_value = sum(1 for r in nominees if r[attribute] == value)
        part = stats.hypergeom(len(nominees), with_value, draws).pmf(np.arange(draws + 1))
        pmf = np.convolve(pmf, part)
    return pmf


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-7, abs_tol=1e-12)


def test_every_probability_and_its_holm_adjustment_match_scipy(seatwise):
    doc = report(seatwise("audit", ICG / "roster.csv", "--policy", ICG / "policy.yaml", "--pool", ICG / "nominations.csv",
                          "--reference", "gender=female:0.5", "--reference", "region=WEOG:0.2", "--format", "json", expect=0))
    roster = list(csv.DictReader(open(ICG / "roster.csv")))
    pool = list(csv.DictReader(open(ICG / "nominations.csv")))
    family_one, family_two, where = [], [], []
    n = len(roster)
    checked = 0
    for share in doc["shares"]:
        if share["attribute"] == "gender":
            test = share["pool_test"]
            pmf = pool_pmf(pool, roster, "gender", share["value"])
            k = share["count"]
            assert close(test["expected"], float(sum(i * p for i, p in enumerate(pmf))))
            assert close(test["one_sided"], one_sided(pmf, k)) and close(test["two_sided"], two_sided(pmf, k)), share
            checked += 1
        reference = share["reference_test"]
        if reference is not None:
            k = share["count"]
            p = share["reference"]
            mean = n * p
            tail = stats.binom.cdf(k, n, p) if k < mean else stats.binom.sf(k - 1, n, p)
            assert close(reference["one_sided"], tail), share
            assert close(reference["two_sided"], stats.binomtest(k, n, p).pvalue), share
            checked += 1
        for key in ("pool_test", "reference_test"):
            if share[key] is not None:
                family_one.append(share[key]["one_sided"])
                family_two.append(share[key]["two_sided"])
                where.append((share["attribute"], share["value"], key))
    assert checked >= 5
    # One family: every test the table reports, pool and reference alike.
    by_place = {(s["attribute"], s["value"], key): s[key] for s in doc["shares"] for key in ("pool_test", "reference_test") if s[key]}
    for place, adjusted in zip(where, holm(family_one)):
        assert close(by_place[place]["one_sided_holm"], adjusted), place
    for place, adjusted in zip(where, holm(family_two)):
        assert close(by_place[place]["two_sided_holm"], adjusted), place
    # Fisher's exact test is the two-sided pool test when one group fills every seat.
    assert len(family_one) == sum(1 for s in doc["shares"] if s["pool_test"]) + 2
    assert any("Holm" in line for line in doc["probabilities"]) and any("two-sided" in line for line in doc["probabilities"])


def test_one_group_pool_test_is_fishers_exact_test(seatwise, tmp_path):
    rows = ["id,name,group,gender,country,rank"]
    genders = ["female"] * 7 + ["male"] * 13
    for i, g in enumerate(genders):
        rows.append(f"N{i},Name {i},Board,{g},FRA,{i + 1}")
    pool = tmp_path / "pool.csv"
    pool.write_text("\n".join(rows) + "\n")
    # Seated: 1 woman and 9 men of 20 nominees (7 women).
    seated = [rows[0]] + [rows[1]] + rows[8:17]
    roster = tmp_path / "roster.csv"
    roster.write_text("\n".join(seated) + "\n")
    policy = tmp_path / "p.yaml"
    policy.write_text("body: B\nseats: {Board: 10}\n")
    doc = report(seatwise("audit", roster, "--policy", policy, "--pool", pool, "--format", "json", expect=0))
    women = next(s for s in doc["shares"] if s["value"] == "female")
    assert women["count"] == 1
    _, fisher_two = stats.fisher_exact([[1, 9], [6, 4]], alternative="two-sided")
    _, fisher_less = stats.fisher_exact([[1, 9], [6, 4]], alternative="less")
    assert close(women["pool_test"]["two_sided"], fisher_two)
    assert close(women["pool_test"]["one_sided"], fisher_less)


def test_blank_cells_give_the_range_over_every_way_they_could_fall(seatwise, tmp_path):
    table = tmp_path / "c.csv"
    table.write_text("group,gender,region,count\nGovernment,female,African,2\nGovernment,,WEOG,7\nGovernment,male,GRULAC,11\n"
                     "Civil Society,female,WEOG,3\nCivil Society,male,,4\n")
    policy = tmp_path / "p.yaml"
    policy.write_text("body: B\nseats: {Government: 20, Civil Society: 7}\n")
    doc = report(seatwise("audit", "--composition", table, "--policy", policy, "--reference", "gender=female:0.5",
                          "--reference", "region=WEOG:0.3", "--format", "json", expect=0))
    n = 27
    for value, attribute, known, blanks, p in [("female", "gender", 5, 7, 0.5), ("WEOG", "region", 10, 4, 0.3)]:
        share = next(s for s in doc["shares"] if s["attribute"] == attribute and s["value"] == value)
        assert (share["count"], share["unknown"]) == (known, blanks)
        assert share["share_range"] == pytest.approx([known / n, (known + blanks) / n])
        counts = range(known, known + blanks + 1)
        ones = [stats.binom.cdf(k, n, p) if k < n * p else stats.binom.sf(k - 1, n, p) for k in counts]
        twos = [stats.binomtest(k, n, p).pvalue for k in counts]
        test = share["reference_test"]
        assert test["one_sided"] is None and share["p_value"] is None  # a range, not a figure on the known alone
        assert close(test["one_sided_range"][0], min(ones)) and close(test["one_sided_range"][1], max(ones))
        assert close(test["two_sided_range"][0], min(twos)) and close(test["two_sided_range"][1], max(twos))
    text = seatwise("audit", "--composition", table, "--policy", policy, "--reference", "gender=female:0.5", expect=0).stdout
    assert "5–12" in text and "range over every way the unknown members could fall" in text


def test_a_table_with_values_known_has_exact_figures(seatwise):
    doc = report(seatwise("audit", ICG / "roster.csv", "--policy", ICG / "policy.yaml", "--reference", "gender=female:0.5",
                          "--format", "json", expect=0))
    women = next(s for s in doc["shares"] if s["value"] == "female")
    assert women["unknown"] == 0 and women["share_range"] is None
    assert women["p_value"] == women["reference_test"]["one_sided"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "csv", "xlsx"])
def test_every_format_names_each_probability(seatwise, tmp_path, fmt):
    out = tmp_path / f"audit.{fmt}"
    seatwise("audit", ICG / "roster.csv", "--policy", ICG / "policy.yaml", "--pool", ICG / "nominations.csv",
             "--reference", "gender=female:0.5", "--format", fmt, "--output", out, expect=0)
    if fmt == "xlsx":
        import openpyxl
        sheet = openpyxl.load_workbook(out)["Shares"]
        header = [c.value for c in sheet[1]]
        assert "P one-sided (pool)" in header and "P two-sided (reference)" in header and "P two-sided, Holm (pool)" in header
        return
    text = out.read_text()
    if fmt == "csv":
        header = next(csv.reader(io.StringIO(text)))
        for key in ("pool_p_one_sided", "pool_p_two_sided_holm", "reference_p_one_sided", "reference_p_two_sided"):
            assert key in header
        return
    for label in ("P one-sided", "P two-sided", "P one-sided, Holm", "P two-sided, Holm", "how often chance alone would give a count this far out",
                  "not the probability that the roster was chosen by chance"):
        assert label in text, (fmt, label)


def test_strict_exits_1_only_when_a_rule_is_broken(seatwise, tmp_path):
    # The ICG roster (independent selection) breaks the body-wide rules.
    done = seatwise("audit", ICG / "roster.csv", "--policy", ICG / "policy.yaml", "--format", "json", "--strict")
    doc = report(done)
    assert done.returncode == 1 and any(not q["satisfied"] for q in doc["quotas"])
    assert seatwise("audit", ICG / "roster.csv", "--policy", ICG / "policy.yaml", "--format", "json").returncode == 0
    loose = tmp_path / "p.yaml"
    loose.write_text((ICG / "policy.yaml").read_text().split("quotas:")[0])
    assert seatwise("audit", ICG / "roster.csv", "--policy", loose, "--strict").returncode == 0


def test_the_public_comparison_counts_rules_not_rows(seatwise):
    doc = report(seatwise("compare", ICG / "nominations.csv", "--policy", ICG / "policy.yaml", "--public", "--format", "json", expect=0))
    broken = [q for q in doc["independent"]["quotas"] if not q["satisfied"]]
    rules = {q["quota"] for q in broken}
    assert len(broken) > len(rules) > 1  # several rows of one rule: the case that was miscounted
    headline = doc["public"]["headline"]
    assert f"{len(rules)} body-wide rules are not met" in headline and "every rule met" not in headline.split("Coordinated")[0]


def test_what_if_lists_only_the_formats_it_writes(seatwise):
    help_text = seatwise("what-if", "--help", expect=0).stdout
    assert "values: text, json, csv" in help_text and "markdown" not in help_text
    done = seatwise("what-if", ICG / "nominations.csv", "--policy", ICG / "policy.yaml", "--sweep", "1:min=0..2", "--format", "markdown")
    assert done.returncode == 2
    done = seatwise("what-if", ICG / "nominations.csv", "--policy", ICG / "policy.yaml", "--sweep", "1:min=zero..2")
    assert done.returncode == 2 and "--sweep" in done.stderr


def test_a_count_the_pool_cannot_give_is_said_and_unverified_rules_fail_strict(seatwise, tmp_path):
    # Ranges stay within what random filling from the pool can give; a known count beyond it is a note.
    roster = list(csv.DictReader(open(ICG / "roster.csv")))
    table = tmp_path / "c.csv"
    with open(table, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["group", "gender", "count"])
        for r in roster:
            w.writerow([r["group"], "non-binary" if r["gender"] == "male" else "", 1])
    doc = report(seatwise("audit", "--composition", table, "--policy", ICG / "policy.yaml", "--pool", ICG / "nominations.csv",
                          "--format", "json", expect=0))
    pool_nb = sum(1 for r in csv.DictReader(open(ICG / "nominations.csv")) if r["gender"] == "non-binary")
    nb = next(s for s in doc["shares"] if s["value"] == "non-binary")
    assert nb["count"] > pool_nb and nb["pool_test"] is None
    assert any("not drawn from this pool" in n for n in doc["notes"])
    # Every quota NOT VERIFIED: not "no quotas", and --strict fails.
    policy = tmp_path / "p.yaml"
    policy.write_text((ICG / "policy.yaml").read_text().split("quotas:")[0] + "quotas:\n  - { attribute: gender, value: female, min: 10% }\n")
    done = seatwise("audit", "--composition", table, "--policy", policy, "--strict")
    assert done.returncode == 1 and "could not be verified" in done.stderr and "sets no quotas" not in done.stdout
    # A reference on an attribute the table does not give is not tested; the same reference twice is refused.
    region_only = tmp_path / "r.csv"
    region_only.write_text("group,region,count\n" + "".join(f"{g},WEOG,{n}\n" for g, n in
                           [("At-Large Users", 2), ("Address Registries", 2), ("Country-Code Operators", 4), ("Government Advisors", 5)]))
    small = tmp_path / "s.yaml"
    small.write_text("body: B\nseats: {At-Large Users: 2, Address Registries: 2, Country-Code Operators: 4, Government Advisors: 5}\n")
    doc = report(seatwise("audit", "--composition", region_only, "--policy", small, "--reference", "gender=female:0.5", "--format", "json"))
    assert not any(s["attribute"] == "gender" for s in doc["shares"])
    done = seatwise("audit", ICG / "roster.csv", "--policy", ICG / "policy.yaml", "--reference", "region=WEOG:0.2", "--reference", "region=weog:0.3")
    assert done.returncode == 2 and "again" in done.stderr
