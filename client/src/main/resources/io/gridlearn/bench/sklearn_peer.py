"""scikit-learn's side of `gridlearn --cluster HOST:PORT benchmark --sklearn PYTHON`.

Started once by the benchmark with the CSV the grid loads (columns x0 ... x{d-1}, y, c); reads it with
numpy.loadtxt (timed and reported as its load), then answers one job per line on standard input, timing only the
fit, so the benchmark can interleave each gridlearn command with scikit-learn's fit of the same data:

  linear               LinearRegression() on (X, y)
  logistic LAMBDA      LogisticRegression(lbfgs, C = 1/(n*LAMBDA), tol=1e-6, max_iter=1000) on (X, c): the
                       objective (1/n) sum logloss + LAMBDA/2 |b|^2 of gridlearn's fit logistic --lambda LAMBDA
  kmeans K SEED        KMeans(K, init="k-means++", n_init=1, max_iter=20, tol=1e-4, random_state=SEED) on X

and prints one JSON line per job: {"job", "seconds", ...results}. Uses only Debian's python3-numpy and
python3-sklearn; nothing is installed.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.linear_model import LinearRegression, LogisticRegression


def main(path):
    t0 = time.perf_counter()
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    load = time.perf_counter() - t0
    x, y, c = data[:, :-2].copy(), data[:, -2].copy(), data[:, -1].copy()
    del data
    print(json.dumps({"job": "load", "seconds": load, "rows": x.shape[0], "features": x.shape[1],
                      "sklearn": sklearn.__version__, "numpy": np.__version__}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        job = words[0]
        t0 = time.perf_counter()
        if job == "linear":
            m = LinearRegression().fit(x, y)
            out = {"intercept": float(m.intercept_), "coefficients": m.coef_.tolist()}
        elif job == "logistic":
            lam = float(words[1])
            m = LogisticRegression(C=1.0 / (x.shape[0] * lam), tol=1e-6, max_iter=1000).fit(x, c)
            out = {"intercept": float(m.intercept_[0]), "coefficients": m.coef_[0].tolist(),
                   "iterations": int(m.n_iter_[0])}
        elif job == "kmeans":
            m = KMeans(int(words[1]), init="k-means++", n_init=1, max_iter=20, tol=1e-4,
                       random_state=int(words[2])).fit(x)
            out = {"inertia": float(m.inertia_), "iterations": int(m.n_iter_)}
        else:
            out = {"error": "unknown job " + job}
        out["seconds"] = time.perf_counter() - t0
        out["job"] = job
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
