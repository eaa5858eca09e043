#!/usr/bin/env bash
# Build the same radar with AOE's Technology Radar (the closest peer) and with ours, and print both times.
#
#   bash bench/peer.sh [RADAR_FOLDER] [RUNS]     # default: the sample radar (.), 5 runs
#
# Needs node/npm and the npm registry (it installs aoe_technology_radar@4.4.0 and, on its first build,
# AOE's own Next.js dependencies).  Times are CPU seconds (user+system, children included) and wall
# seconds of whole processes, medians of RUNS; AOE's first build (npm install inside .techradar) is not
# counted, its later builds are (what the issue calls AOE "warm").  To compare at 1000 blips:
#   .venv/bin/python bench/bench.py --sizes 1000 --runs 1 --keep   # prints where the radar is kept
#   bash bench/peer.sh /tmp/radar-bench-XXXX/radar-1000
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source_dir=$(cd "${1:-$here}" && pwd)
runs=${2:-5}
py="$here/.venv/bin/python"
work=$(mktemp -d /tmp/radar-peer-XXXX)
trap 'rm -rf "$work"' EXIT

"$py" "$here/bench/peer.py" "$source_dir" "$work/aoe"
cd "$work/aoe"
cat > package.json <<'JSON'
{"name": "radar-peer", "version": "1.0.0", "private": true,
 "scripts": {"build": "techradar build"},
 "dependencies": {"aoe_technology_radar": "4.4.0"}}
JSON
npm install --no-audit --no-fund --loglevel=error
npx techradar build >/dev/null   # first build: installs AOE's own dependencies, not timed

measure() {  # label command...: "label cpu wall" for one run
  local t0 t1 c0 c1
  c0=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  t0=$(date +%s.%N)
  "${@:2}" >/dev/null 2>&1
  t1=$(date +%s.%N)
  c1=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  echo "$1 $(echo "($c1 - $c0) / $(getconf CLK_TCK)" | bc -l) $(echo "$t1 - $t0" | bc -l)"
}

results="$work/results"
for _ in $(seq "$runs"); do  # alternate the two tools so a change in the machine's load hits both
  measure aoe npx techradar build >> "$results"
  rm -rf "$work/cache" "$source_dir/.radar-cache" "$work/site"
  measure ours-cold env XDG_CACHE_HOME="$work/cache" RADAR_CACHE_DIR="$work/cache/radar" \
    "$py" -m generator build --source "$source_dir" --out "$work/site" >> "$results"
  measure ours-warm env XDG_CACHE_HOME="$work/cache" RADAR_CACHE_DIR="$work/cache/radar" \
    "$py" -m generator build --source "$source_dir" --out "$work/site" >> "$results"
done
"$py" - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
med = {k: (statistics.median(float(r[1]) for r in rows if r[0] == k), statistics.median(float(r[2]) for r in rows if r[0] == k)) for k in ("aoe", "ours-cold", "ours-warm")}
print("median CPU s (wall s):", ", ".join(f"{k} {c:.2f} ({w:.2f})" for k, (c, w) in med.items()))
print(f"ours/AOE (CPU): cold {med['ours-cold'][0] / med['aoe'][0]:.3f}, warm {med['ours-warm'][0] / med['aoe'][0]:.3f}")
PY
