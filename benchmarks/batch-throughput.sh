#!/usr/bin/env bash
# Throughput of `placement batch` under rule set 2.0 against rule set 1.0, in one run: the goal of
# the rule set 2.0 issue (within 20% of 1.0's). Builds the tool twice, at a baseline revision (by
# default the last commit before rule set 2.0 was begun, when 1.0 was the embedded default) and
# as checked out, then runs three configurations in turn, each on the same clinical case repeated
# (benchmarks/batch/case-*.json, the lines BatchLineVersionBenchmarks reads):
#
#   baseline 1.0  the baseline revision with its embedded rule set 1.0
#   current 1.0   this tree with rule set 1.0 (the test fixture tests/fixtures/rules-1.0)
#   current 2.0   this tree with its embedded default, rule set 2.0
#
# Wall time includes process start, as a user of `placement batch --out` sees it. Prints each
# configuration's median and range, and the ratios. Needs the git history (not a shallow clone).
#
#   benchmarks/batch-throughput.sh [--lines N] [--runs R] [--baseline REVISION]
set -euo pipefail

lines=1000000
runs=5
baseline=0978b80f6aca06f90e81de02e1a67503687fac11
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines=${2:-}; shift 2 ;;
    --runs) runs=${2:-}; shift 2 ;;
    --baseline) baseline=${2:-}; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 64 ;;
  esac
done
for n in "$lines" "$runs"; do
  case "$n" in ''|*[!0-9]*|0) echo "--lines and --runs take a whole number above 0, not '$n'" >&2; exit 64 ;; esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
for v in 1.0 2.0; do
  if [ ! -s "$root/benchmarks/batch/case-$v.json" ]; then
    echo "missing input line: $root/benchmarks/batch/case-$v.json" >&2
    exit 2
  fi
done
if ! git -C "$root" cat-file -e "$baseline^{commit}" 2>/dev/null; then
  echo "baseline revision $baseline is not in this clone (a shallow clone has no history): fetch it or pass --baseline" >&2
  exit 2
fi

work=$(mktemp -d)
cleanup() {
  git -C "$root" worktree remove --force "$work/baseline-src" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Builds quietly; on failure prints what the build said.
build() {
  if ! dotnet build -c Release "$1" -o "$2" -v q --nologo > "$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    echo "build of $1 failed" >&2
    exit 1
  fi
}

echo "== building the baseline ($(git -C "$root" log -1 --format='%h %ad' --date=short "$baseline")) and this tree, Release"
git -C "$root" worktree add --detach -q "$work/baseline-src" "$baseline"
build "$work/baseline-src/src/Placement.Cli" "$work/baseline"
build "$root/src/Placement.Cli" "$work/current"

echo "== $lines lines per input"
for v in 1.0 2.0; do
  line=$(cat "$root/benchmarks/batch/case-$v.json")
  # yes stops on SIGPIPE once head has its lines; only head's status matters.
  { yes "$line" || true; } | head -n "$lines" > "$work/in-$v.ndjson"
done

names=("baseline 1.0" "current 1.0" "current 2.0")

# One configuration's run: its output in out-N.ndjson, its standard error in err-N.
run_config() {
  case "$1" in
    0) dotnet "$work/baseline/Placement.Cli.dll" batch "$work/in-1.0.ndjson" --out "$work/out-0.ndjson" ;;
    1) dotnet "$work/current/Placement.Cli.dll" batch "$work/in-1.0.ndjson" --rules "$root/tests/fixtures/rules-1.0" --out "$work/out-1.ndjson" ;;
    2) dotnet "$work/current/Placement.Cli.dll" batch "$work/in-2.0.ndjson" --out "$work/out-2.ndjson" ;;
  esac 2> "$work/err-$1"
}

for ((r = 1; r <= runs; r++)); do
  for i in 0 1 2; do
    start=$(date +%s%N)
    if ! run_config "$i"; then
      cat "$work/err-$i" >&2
      echo "${names[$i]}: placement batch failed" >&2
      exit 1
    fi
    end=$(date +%s%N)
    echo "$i $(( (end - start) / 1000000 ))" >> "$work/times"
  done
  printf 'run %d of %d done\n' "$r" "$runs"
done

for i in 0 1 2; do
  written=$(wc -l < "$work/out-$i.ndjson")
  if [ "$written" -ne "$lines" ]; then
    echo "${names[$i]}: $written result lines for $lines input lines" >&2
    exit 1
  fi
done
if cmp -s "$work/out-0.ndjson" "$work/out-1.ndjson"; then same="identical"; else same="different"; fi

echo "== median wall time of $runs runs each, process start included"
for i in 0 1 2; do
  awk -v i="$i" '$1 == i { print $2 }' "$work/times" | sort -n > "$work/t-$i"
  median[$i]=$(awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }' "$work/t-$i")
  range=$(awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f-%.2f", lo / 1000, hi / 1000 }' "$work/t-$i")
  awk -v n="${names[$i]}" -v m="${median[$i]}" -v r="$range" -v l="$lines" \
    'BEGIN { printf "%-13s %6.2f s (range %s s)  %8.0f assessments/s\n", n, m / 1000, r, l / (m / 1000) }'
done
echo "baseline 1.0 and current 1.0 output: $same"
awk -v a="${median[2]}" -v b="${median[0]}" -v c="${median[1]}" 'BEGIN {
  printf "2.0 now against 1.0 at the baseline: time ratio %.2f (the goal: at most 1.20)\n", a / b
  printf "2.0 against 1.0 on this tree:        time ratio %.2f\n", a / c
}'
