"""`seatwise study` for `make bench`: the ICG-shaped study of docs/guide/research.md ("A worked study") (100 pools × 3 women shares × 2
variants × 2 modes, 1,200 runs) and a MAG-shaped one of the same size, each timed as a whole process on
every core, with its peak memory. The target is under 60 s each on 2 cores."""
import os
import tempfile
from pathlib import Path

from bodies import timed

ROOT = Path(__file__).resolve().parents[1]
SPECS = {
    "ICG-shaped (30 seats, 80 nominees; the bundled ICG policy)":
        "pools: { shape: icg, count: 100, seed: 1, women_share: [0.15, 0.30, 0.45] }\n"
        f"policy: {ROOT / 'examples/icg/policy.yaml'}\n"
        "variants:\n  - { name: as-is }\n  - { name: women-40, set: { \"1\": { min: 40% } } }\n"
        "modes: [independent, coordinated]\n",
    "MAG-shaped (40 seats, 200 nominees; each pool's generated policy)":
        "pools: { shape: mag, count: 100, seed: 1, women_share: [0.15, 0.30, 0.45] }\n"
        "variants:\n  - { name: as-is }\n  - { name: women-45, set: { \"1\": { min: 45% } } }\n"
        "modes: [independent, coordinated]\n",
}


def rows(binary, tmp):
    out = []
    for label, text in SPECS.items():
        folder = Path(tmp) / f"study-{len(out)}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "spec.yaml").write_text(text)
        seconds, peak = timed([binary, "study", folder / "spec.yaml", "--output", folder / "out"])
        runs = sum(1 for _ in open(folder / "out" / "pools.csv")) - 1
        out.append(("study", f"{label}: {runs:,} runs on {os.cpu_count()} cores (whole process; target < 60 s)", f"{seconds:.1f} s, peak {peak:.0f} MB"))
    return out


if __name__ == "__main__":
    import sys
    binary = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build/release/seatwise"
    with tempfile.TemporaryDirectory() as tmp:
        for row in rows(binary, tmp):
            print(" | ".join(row))
