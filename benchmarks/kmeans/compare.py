"""Whole `fit kmeans --k 8` commands through thin clients against two sets of two standalone nodes (before and
after a change), interleaved with scikit-learn's KMeans(8, n_init=1, max_iter=20, tol=1e-4) on the same data in
this process (Debian's python3-sklearn). Each side also gets `datasets` (the start and connect of a command),
and the difference is the `-start` figure. Usage:

  python3 compare.py CSV OPTIMUM ROUNDS SIDE... where SIDE = name=JAR@HOST:PORT,HOST:PORT@CLUSTER-NAME@DATASET

Prints one line per run and a summary (medians) as JSON on the last line.
"""
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
from sklearn.cluster import KMeans


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    s = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit("failed (%d): %s\n%s%s" % (p.returncode, " ".join(cmd), p.stdout, p.stderr))
    return s


def loadavg():
    return os.getloadavg()[0]


def main():
    csv, optimum, rounds = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    sides = []
    for arg in sys.argv[4:]:
        name, rest = arg.split("=", 1)
        jar, cluster, cname, ds = rest.split("@")
        sides.append((name, jar, cluster, cname, ds))
    npy = csv + ".npy"
    if os.path.exists(npy):
        x = np.load(npy)
    else:
        x = np.loadtxt(csv, delimiter=",", skiprows=1)[:, :-1].copy()
        np.save(npy, x)
    features = ",".join("x%d" % j for j in range(x.shape[1]))
    times = {}
    out_dir = os.path.dirname(os.path.abspath(csv))

    def cli(side, args):
        name, jar, cluster, cname, ds = side
        return ["java", "--add-modules", "jdk.incubator.vector", "-Xlog:disable", "-jar", jar,
                "--cluster", cluster, "--cluster-name", cname] + args

    def gridlearn(side, seed):
        name, jar, cluster, cname, ds = side
        out = os.path.join(out_dir, "kmeans-%s.json" % name)
        s = run(cli(side, ["fit", "kmeans", "--data", ds, "--features", features, "--k", "8", "--seed", str(seed),
                           "--name", "kmfast-" + name, "--out", out]))
        m = json.load(open(out))
        inertia = m["metrics"]["train"]["inertia"]
        return s, inertia, m["summary"]["iteration"]

    def sk(seed):
        t0 = time.perf_counter()
        m = KMeans(8, init="k-means++", n_init=1, max_iter=20, tol=1e-4, random_state=seed).fit(x)
        return time.perf_counter() - t0, float(m.inertia_), int(m.n_iter_)

    jobs = [("sklearn", None)] + [(s[0], s) for s in sides] + [(s[0] + "-datasets", s) for s in sides]
    for r in range(rounds):
        seed = 1 + r
        order = jobs[r % len(jobs):] + jobs[:r % len(jobs)]
        for name, side in order:
            la = loadavg()
            if name == "sklearn":
                s, inertia, it = sk(seed)
            elif name.endswith("-datasets"):
                s, inertia, it = run(cli(side, ["datasets"])), None, None
            else:
                s, inertia, it = gridlearn(side, seed)
            times.setdefault(name, []).append(s)
            excess = None if inertia is None else (inertia - optimum) / optimum
            print(json.dumps({"round": r, "seed": seed, "job": name, "seconds": round(s, 3),
                              "inertiaOverOptimumMinus1": excess, "iterations": it, "load1": la}), flush=True)
    summary = {name: {"median": statistics.median(v), "runs": [round(t, 3) for t in v]} for name, v in times.items()}
    for s in sides:
        summary[s[0]]["medianMinusStart"] = summary[s[0]]["median"] - summary[s[0] + "-datasets"]["median"]
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
