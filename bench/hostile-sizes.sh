#!/bin/sh
# Issue 15's size targets, measured (not timed tests): `check` on a policy of 100,000 groups, and the
# peak memory of reading 100 MB nominations files of several shapes (each refused with exit 2, except
# million-nominees, the largest file accepted: exit 0). Run after `swift build -c release`:
#   sh bench/hostile-sizes.sh [path/to/seatwise]
set -eu
BIN=${1:-.build/release/seatwise}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
measure() { # label, then the command; prints exit code, seconds and peak memory
    label=$1; shift
    /usr/bin/time -f "%e %M" -o "$DIR/time" "$@" >"$DIR/out" 2>"$DIR/err" && code=0 || code=$?
    read -r seconds kb <<EOT
$(tail -n 1 "$DIR/time")
EOT
    printf '%-46s exit %s  %6ss  %5d MB  (%d lines of output)\n' "$label" "$code" "$seconds" $((kb / 1024)) \
        "$(cat "$DIR/out" "$DIR/err" | wc -l)"
}

python3 - "$DIR" <<'PY'
import sys, os
d = sys.argv[1]
# 100,000 groups of one seat each (1.6 MB of policy), 1,000 nominees in the first 1,000 groups.
with open(f"{d}/groups.yaml", "w") as f:
    f.write("body: Many groups\nseats:\n" + "".join(f"  Group {g:06d}: 1\n" for g in range(100_000)))
    f.write("quotas:\n  - { attribute: gender, value: female, min: 1, per: group }\n")
with open(f"{d}/groups.csv", "w") as f:
    f.write("id,name,group,gender,country,rank\n")
    f.writelines(f"n{i},Person {i},Group {i:06d},female,KE,1\n" for i in range(1_000))
with open(f"{d}/policy.yaml", "w") as f:
    f.write("body: B\nseats:\n  Government: 10\n  Civil Society: 10\nquotas:\n  - { attribute: gender, value: female, min: 40% }\n")
mb = 100 * 1024 * 1024
def fill(name, header, row):
    with open(f"{d}/{name}", "w") as f:
        f.write(header)
        size, i = len(header), 0
        while size < mb:
            line = row(i); f.write(line); size += len(line); i += 1
fill("short-rows.csv", "id,name,group,gender,country\n", lambda i: f"{i},P,Government,f,KE\n")
fill("wide-rows.csv", "id,name,group,gender,country," + ",".join(f"c{k}" for k in range(95)) + "\n",
     lambda i: f"{i},P,Government,f,KE," + ",".join("x" for _ in range(95)) + "\n")
fill("empty-fields.csv", "id,name,group,gender,country\n", lambda i: "a" + "," * 10_000_000 + "\n")
# The largest file that is accepted: 1,000,000 nominees in about 100 MB.
with open(f"{d}/million-nominees.csv", "w") as f:
    f.write("id,name,group,gender,country,rank,organization\n")
    f.writelines(f"n{i:07d},Person with a fairly long name {i:07d},{'Government' if i % 2 else 'Civil Society'},"
                 f"{'female' if i % 3 else 'male'},{('KE', 'DE', 'BR', 'IN')[i % 4]},{i // 2 + 1},Organisation {i % 5000:04d}\n"
                 for i in range(1_000_000))
fill("bad-rows.csv", "id,name,group,gender,country,rank\n", lambda i: f"{i},P,Government,f,KE,0\n")
with open(f"{d}/one-field.csv", "w") as f:
    f.write("id,name,group,gender,country\n\"" + "x" * (mb - 40) + "\"\n")
PY

measure "check, 100,000 groups" "$BIN" check "$DIR/groups.csv" --policy "$DIR/groups.yaml"
for shape in ${SHAPES:-short-rows wide-rows empty-fields bad-rows one-field million-nominees}; do
    measure "check, 100 MB nominations: $shape" "$BIN" check "$DIR/$shape.csv" --policy "$DIR/policy.yaml"
done
