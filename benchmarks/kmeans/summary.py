"""Summary of a compare.py output: first run (round 0, fresh nodes) and the median of rounds 1.. per side,
`datasets` subtracted. Usage: python3 summary.py OUTPUT.txt"""
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if '"round"' in l]
by = {}
for d in rows:
    by.setdefault(d['job'], {})[d['round']] = d
first = {j: v[0]['seconds'] for j, v in by.items()}
med = {j: statistics.median([v[r]['seconds'] for r in v if r > 0]) for j, v in by.items()}
loads = [d['load1'] for d in rows]
print("load1 %.1f-%.1f" % (min(loads), max(loads)))
for s in ('before', 'after'):
    print("%s: first %.2f, median(rounds 1-6) %.2f, datasets median %.2f, -start %.2f, first-start %.2f" % (
        s, first[s], med[s], med[s + '-datasets'], med[s] - med[s + '-datasets'], first[s] - med[s + '-datasets']))
print("sklearn: first %.2f median %.2f" % (first['sklearn'], med['sklearn']))
for s in ('before', 'after'):
    print("sklearn / (%s -start) = %.2f" % (s, med['sklearn'] / (med[s] - med[s + '-datasets'])))
ratios = [by['after'][r]['seconds'] / by['before'][r]['seconds'] for r in by['after']]
print("per-round after/before (whole command):", [round(x, 2) for x in ratios])
print("iterations", set(d['iterations'] for d in rows if d['iterations']), "inertia excess", set(d['inertiaOverOptimumMinus1'] for d in rows if d['iterations']))
