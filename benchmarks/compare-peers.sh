#!/usr/bin/env bash
# Side-by-side timing in one run: channelrisk's JMH benchmarks and the peers of ../shared/peers
# (R survival, statsmodels, SciPy curve_fit and least_squares), on the same kind of data, then a ratio
# table in Markdown on stdout (the raw lines go to stderr). Run from the repository root on a quiet
# machine, after `mvn -B -q -DskipTests package`:
#   bash benchmarks/compare-peers.sh > ratios.md
# KEEP=dir keeps the raw outputs in dir; SUMMARY_ONLY=1 KEEP=dir recomputes the table from them.
# Peers install from Debian packages:
#   apt-get install r-base-core r-cran-survival r-cran-minpack.lm python3-scipy python3-numpy python3-statsmodels python3-pandas
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS="${PEERS:-$ROOT/../shared/peers}"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
[ -f "$JAR" ] || { echo "compare-peers.sh: build first: mvn -B -q -DskipTests package" >&2; exit 1; }
[ -d "$PEERS" ] || { echo "compare-peers.sh: peer scripts not found at $PEERS (set PEERS=...)" >&2; exit 1; }
TMP="${KEEP:-$(mktemp -d)}"
mkdir -p "$TMP"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$TMP"' EXIT
cd "$ROOT"

if [ -z "${SUMMARY_ONLY:-}" ]; then
java -jar "$JAR" -rf json -rff "$TMP/jmh.json" -o "$TMP/jmh.txt" \
  -p rows=1000000 -p channels=100000,1000000 -p model=exponential \
  "KaplanMeierBenchmark|SortBaseline|RecoveryFitBenchmark|NistFitBenchmark|SimulationBenchmark|EnsembleBenchmark|ImpactBenchmark|AalenJohansenBenchmark" >/dev/null
java -jar "$JAR" -rf json -rff "$TMP/jmh-aj.json" -o "$TMP/jmh-aj.txt" -p rows=10000 AalenJohansenBenchmark >/dev/null
java -cp "$JAR" org.channelrisk.benchmarks.MemoryProbe 100000 > "$TMP/memory.txt"
for p in r-survfit statsmodels-km scipy-curvefit scipy-nist; do
  bash "$PEERS/$p.sh" > "$TMP/$p.txt" 2> "$TMP/$p.err" || echo "peer=$p failed" > "$TMP/$p.txt"
done
bash "$ROOT/benchmarks/peers/r-impact.sh" > "$TMP/r-impact.txt" 2> "$TMP/r-impact.err" || echo "peer=r-impact failed" > "$TMP/r-impact.txt"
bash "$ROOT/benchmarks/peers/r-aalen-johansen.sh" > "$TMP/r-aalen-johansen.txt" 2> "$TMP/r-aalen-johansen.err" \
  || echo "peer=r-aalen-johansen failed" > "$TMP/r-aalen-johansen.txt"
fi
cat "$TMP"/*.txt "$TMP"/*.err >&2 2>/dev/null || true

python3 - "$TMP" <<'PYEOF'
import json, re, sys, os, platform, subprocess, datetime
tmp = sys.argv[1]
jmh = json.load(open(os.path.join(tmp, "jmh.json")))
if os.path.exists(os.path.join(tmp, "jmh-aj.json")):
    jmh += json.load(open(os.path.join(tmp, "jmh-aj.json")))
def score(bench, **params):
    for r in jmh:
        if r["benchmark"].endswith(bench) and all(r["params"].get(k) == str(v) for k, v in params.items()):
            unit = r["primaryMetric"]["scoreUnit"]
            s = r["primaryMetric"]["score"]
            return s / 1000.0 if unit.startswith("ms") else s / 1e6 if unit.startswith("us") else s
    return float("nan")
def peer(name):
    line = open(os.path.join(tmp, name + ".txt")).read().strip().splitlines()[-1]
    return dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
km = score("KaplanMeierBenchmark.kaplanMeierAndLogRank", rows=1000000)
sort = score("SortBaseline.sortCopy", rows=1000000)
fit = score("RecoveryFitBenchmark.fit", model="exponential")
misra = score("NistFitBenchmark.fit", dataset="Misra1a")
thurber = score("NistFitBenchmark.fit", dataset="Thurber")
sim = score("SimulationBenchmark.run", channels=100000)
sim6 = score("SimulationBenchmark.run", channels=1000000)
# events per run, as SimulationBenchmark prints them in its setup
sim_events = {int(m.group(1)): int(m.group(2)) for m in re.finditer(r"# channels (\d+): (\d+) events per run", open(os.path.join(tmp, "jmh.txt")).read())}
ens1 = score("EnsembleBenchmark.ensemble", threads=1)
ens2 = score("EnsembleBenchmark.ensemble", threads=2)
mem = dict(kv.split("=") for kv in open(os.path.join(tmp, "memory.txt")).read().split())
events = {int(mem["channels"]): int(mem["events"])}
updates = {int(mem["channels"]): int(mem["audience_updates"])}
r, sm, cf, nist = peer("r-survfit"), peer("statsmodels-km"), peer("scipy-curvefit"), peer("scipy-nist")
def f(x): return float(x) if x not in (None, "") else float("nan")
def ver(cmd):
    try: return subprocess.run(cmd, capture_output=True, text=True, shell=True).stdout.strip().splitlines()[0]
    except Exception: return "?"
java_v = ver("java -version 2>&1")
r_v = ver("Rscript -e 'cat(R.version.string, \"survival\", as.character(packageVersion(\"survival\")))' 2>&1")
py_v = ver("/usr/bin/python3 -c 'import numpy, scipy, statsmodels; print(\"numpy\", numpy.__version__, \"scipy\", scipy.__version__, \"statsmodels\", statsmodels.__version__)'")
print("Measured %s on %d cores (%s), one run of benchmarks/compare-peers.sh." % (datetime.date.today(), os.cpu_count(), platform.machine()))
print("Versions: %s; %s; %s." % (java_v, r_v, py_v))
print()
print("| work | channelrisk | peer | ratio (peer / channelrisk) | goal |")
print("| --- | --- | --- | --- | --- |")
best_peer = min(f(r.get("seconds")), f(sm.get("seconds")))
print(f"| Kaplan-Meier (2 groups) + log-rank, 10^6 rows | {km:.3f} s | R survival {f(r.get('seconds')):.3f} s | {f(r.get('seconds'))/km:.1f}x | |")
print(f"| same | {km:.3f} s | statsmodels {f(sm.get('seconds')):.3f} s | {f(sm.get('seconds'))/km:.1f}x | >= 3x the fastest peer: {'met' if best_peer/km >= 3 else 'missed'} |")
print(f"| same, against sorting the times (Arrays.sort of a copy) | {km:.3f} s | sort {sort:.3f} s | {km/sort:.2f}x the sort | <= 2x: {'met' if km/sort <= 2 else 'missed'} |")
print(f"| 100-point exponential recovery fit, one core | {1/fit:,.0f} fits/s | SciPy curve_fit {f(cf.get('fits_per_second')):,.0f} fits/s | {(1/fit)/f(cf.get('fits_per_second')):.1f}x | >= 20x: {'met' if (1/fit)/f(cf.get('fits_per_second')) >= 20 else 'missed'} |")
nist_peer = (f(nist.get("misra1a_seconds")) + f(nist.get("thurber_seconds"))) / 1000
print(f"| NIST Misra1a + Thurber, one fit each from start 1 | {(misra+thurber)*1e3:.3f} ms | SciPy least_squares {nist_peer*1e3:.3f} ms | {nist_peer/(misra+thurber):.1f}x | |")
ev = events.get(100000, float("nan"))
up = updates.get(100000, 0)
print(f"| simulation, 10^5 channels, 365 days (preset nov2019) | {ev/sim/1e6:.2f} M events/s ({ev:,} events and {up:,} audience updates in {sim:.3f} s: {(ev+up)/sim/1e6:.2f} M units/s) | | | >= 5 M events/s per core: {'met' if ev/sim >= 5e6 else 'missed'} |")
sort_el = sort / 1e6 * 1e9  # ns per element of the 10^6-element sort
ns5 = sim / sim_events.get(100000, float("nan")) * 1e9
ns6 = sim6 / sim_events.get(1000000, float("nan")) * 1e9
print(f"| simulation, time per event, 10^5 channels | {ns5:,.0f} ns ({sim_events.get(100000, 0):,} events in {sim:.3f} s) | sort {sort_el:.0f} ns per element | {ns5/sort_el:.1f}x the sort per element | <= 200 ns and <= 2.5x: {'met' if ns5 <= 200 and ns5/sort_el <= 2.5 else 'missed'} |")
print(f"| simulation, time per event, 10^6 channels | {ns6:,.0f} ns ({sim_events.get(1000000, 0):,} events in {sim6:.3f} s) | | {ns6/ns5:.2f}x the 10^5 figure | <= 1.3x: {'met' if ns6/ns5 <= 1.3 else 'missed'} |")
held = float(mem.get('run_held_at_most_bytes_per_channel', 'nan'))
print(f"| memory per channel (10^5) | run holds at most {held:.0f} B (allocates {float(mem['run_allocated_bytes_per_channel']):.0f} B, compiled ecosystem {float(mem.get('compiled_bytes_per_channel', 'nan')):.0f} B); ecosystem objects {float(mem['ecosystem_bytes_per_channel']):.0f} B | | | <= 200 B: {'met' if held <= 200 else 'missed'} |")
imp = peer("r-impact") if os.path.exists(os.path.join(tmp, "r-impact.txt")) else {}
seg = score("ImpactBenchmark.segmentedNeweyWest", points=100000)
arma = score("ImpactBenchmark.arma11", points=100000)
print(f"| segmented regression + Newey-West (lag 18), 10^5 points | {seg*1e3:.1f} ms | R lm + sandwich::NeweyWest {f(imp.get('segmented_seconds'))*1e3:.1f} ms | {f(imp.get('segmented_seconds'))/seg:.1f}x | |")
print(f"| regression with ARMA(1,1) errors, exact ML, 1,000 points | {arma*1e3:.1f} ms | R arima(method = \"ML\") {f(imp.get('arma_seconds'))*1e3:.1f} ms | {f(imp.get('arma_seconds'))/arma:.1f}x | |")
aj = score("AalenJohansenBenchmark.aalenJohansen", rows=1000000)
aj_small = score("AalenJohansenBenchmark.aalenJohansen", rows=10000)
ra = peer("r-aalen-johansen")
print(f"| Aalen-Johansen, 3 causes, 10^6 rows (Java with standard errors; R point estimates only, se.fit = FALSE) | {aj:.3f} s | R survival {f(ra.get('seconds')):.3f} s | {f(ra.get('seconds'))/aj:.1f}x | |")
print(f"| Aalen-Johansen with infinitesimal-jackknife standard errors, 3 causes, {ra.get('n_se', '?')} rows | {aj_small*1e3:.2f} ms (10^4 rows) | R survival {f(ra.get('se_seconds')):.3f} s | {f(ra.get('se_seconds'))/aj_small:.0f}x | |")
print(f"| ensemble, 16 replicates of 5,000 channels | 1 thread {ens1:.2f} s, 2 threads {ens2:.2f} s | | {ens1/ens2:.2f}x speed-up | >= 1.8x: {'met' if ens1/ens2 >= 1.8 else 'missed'} |")
PYEOF
