#!/usr/bin/python3
# Generates sklearn_elasticnet.json: scikit-learn's ElasticNet on boston.csv and diabetes.csv (../datasets/),
# raw and standardised, for the elastic-net objective of oracles-public.json's conventions
# ("elasticnet_sklearn": 1/(2n)||y - Xw - b||^2 + alpha*l1_ratio*||w||_1 + 0.5*alpha*(1-l1_ratio)*||w||_2^2),
# which is gridlearn's (1/(2n))||y - b0 - Xb||^2 + lambda[(1-a)/2 ||b||^2 + a||b||_1] with lambda = alpha and
# a = l1_ratio. Standardised: z = (x - mean) / std_population (StandardScaler), target unchanged, coefficients
# reported on both scales. Floats are written with repr (shortest round-trip), not rounded.
# io.gridlearn.linear.OracleTest reads it; tests never run Python.
# Run from this folder: /usr/bin/python3 make_sklearn_elasticnet.py   (Debian python3-sklearn)
import csv
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import ElasticNet

here = os.path.dirname(os.path.abspath(__file__))
CASES = [(0.1, 0.5), (1.0, 0.2)]   # (alpha = lambda, l1_ratio = a)


def read(name):
    with open(os.path.join(here, '..', 'datasets', name + '.csv')) as f:
        rows = list(csv.reader(f))
    header = rows[0]
    data = np.array([[float(v) for v in r] for r in rows[1:]])
    return header[:-1], data[:, :-1], data[:, -1]


def fit(X, y, alpha, l1_ratio):
    m = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, tol=1e-14, max_iter=1000000, fit_intercept=True)
    m.fit(X, y)
    n = len(y)
    w = m.coef_
    r = y - X @ w - m.intercept_
    objective = r @ r / (2 * n) + alpha * l1_ratio * np.abs(w).sum() + 0.5 * alpha * (1 - l1_ratio) * (w @ w)
    # optimality conditions of that objective (centred data: the intercept is exact)
    Xc = X - X.mean(axis=0)
    g = Xc.T @ (y - y.mean() - Xc @ w) / n - alpha * (1 - l1_ratio) * w
    kkt = np.where(w != 0, np.abs(g - alpha * l1_ratio * np.sign(w)), np.maximum(0, np.abs(g) - alpha * l1_ratio))
    return m, float(objective), float(kkt.max())


out = {
    'source': 'scikit-learn %s, numpy %s: sklearn.linear_model.ElasticNet(alpha, l1_ratio, tol=1e-14, '
              'max_iter=1000000)' % (sklearn.__version__, np.__version__),
    'objective': '1/(2n)||y - Xw - b||^2 + alpha*l1_ratio*||w||_1 + 0.5*alpha*(1-l1_ratio)*||w||_2^2, b unpenalised; '
                 'gridlearn elastic-net with lambda = alpha, alpha (its mixing) = l1_ratio',
    'standardized': 'z = (x - mean) / std_population; coef on that scale, coef_original_scale = coef / std, '
                    'intercept_original_scale = intercept - sum(mean * coef / std)',
    'command': '/usr/bin/python3 make_sklearn_elasticnet.py',
    'datasets': {},
}
for name in ['boston', 'diabetes']:
    features, X, y = read(name)
    entries = []
    for alpha, l1_ratio in CASES:
        raw, raw_obj, raw_kkt = fit(X, y, alpha, l1_ratio)
        mean = X.mean(axis=0)
        sd = X.std(axis=0)
        std, std_obj, std_kkt = fit((X - mean) / sd, y, alpha, l1_ratio)
        entries.append({
            'alpha': alpha, 'l1_ratio': l1_ratio,
            'raw': {'intercept': float(raw.intercept_), 'coef': [float(v) for v in raw.coef_],
                    'objective_value': raw_obj, 'n_nonzero': int(np.count_nonzero(raw.coef_)),
                    'sklearn_n_iter': int(raw.n_iter_), 'max_kkt_violation': raw_kkt},
            'standardized': {'intercept': float(std.intercept_), 'coef': [float(v) for v in std.coef_],
                             'objective_value': std_obj, 'n_nonzero': int(np.count_nonzero(std.coef_)),
                             'sklearn_n_iter': int(std.n_iter_), 'max_kkt_violation': std_kkt,
                             'coef_original_scale': [float(v) for v in std.coef_ / sd],
                             'intercept_original_scale': float(std.intercept_ - (mean * std.coef_ / sd).sum())},
        })
    out['datasets'][name] = {'features': features, 'fits': entries}
with open(os.path.join(here, 'sklearn_elasticnet.json'), 'w') as f:
    json.dump(out, f, indent=2)
    f.write('\n')
