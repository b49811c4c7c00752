#!/usr/bin/python3
# Generates glm_eval_oracles.json: statsmodels' and scikit-learn's numbers for a GLM's predictions and its
# evaluation on held-out rows, on the seeded data of make_glm_oracles.py (glm/*.csv, read here as that script reads
# them back). io.gridlearn.glm.GlmEvaluationTest reads them; tests never run Python.
# Run from this folder: /usr/bin/python3 make_glm_eval_oracles.py
#   (Debian python3-statsmodels 0.13.5 and python3-sklearn 1.2.1; versions are recorded in the file)
#
# Split: data row i (0-based, in file order) is held out when i % 4 == 3; the fit uses the other rows. Each fit is
# sm.GLM(y, sm.add_constant(X), family=..., [offset=...], [freq_weights=...]).fit(tol=1e-14, maxiter=200) on the
# training rows, as in make_glm_oracles.py. On the held-out rows (n_test of them, weights w = the freq weights or 1):
#   mu = res.predict(X_test[, offset=offset_test])                      (statsmodels: the mean response)
#   eta = res.predict(X_test[, offset=offset_test], linear=True)        (statsmodels: the linear predictor)
#   deviance = family.deviance(y_test, mu, freq_weights=w)              (statsmodels)
#   mean_deviance = deviance / sum(w)
#   rmse = sqrt(sklearn mean_squared_error(y, mu, sample_weight=w)), mae = sklearn mean_absolute_error(..., w)
#   sklearn_mean_deviance: mean_poisson_deviance / mean_gamma_deviance / mean_tweedie_deviance(power=1.5) /
#     mean_squared_error (gaussian), with sample_weight=w, where scikit-learn has one (not negative binomial,
#     not binomial)
#   gaussian: r2 = sklearn r2_score(y, mu, sample_weight=w); binomial: log_loss(y, mu, sample_weight=w) (eps 1e-15)
#     and auc = roc_auc_score(y, mu, sample_weight=w) (exact: ties count one half)
# eta_head and mu_head are the first 10 held-out rows' values.
import json
import math
import os

import numpy as np
import sklearn
import statsmodels
import statsmodels.api as sm
from sklearn import metrics

here = os.path.dirname(os.path.abspath(__file__))
links = sm.families.links
F3 = ['x1', 'x2', 'x3']

# (case, file, features, target, family, offset, weights, sklearn mean deviance)
CASES = [
    ('poisson_offset', 'poisson_offset', F3, 'y', sm.families.Poisson(), 'logexp', None,
     lambda y, mu, w: metrics.mean_poisson_deviance(y, mu, sample_weight=w)),
    ('gamma_log', 'gamma_log', F3, 'y', sm.families.Gamma(link=links.log()), None, None,
     lambda y, mu, w: metrics.mean_gamma_deviance(y, mu, sample_weight=w)),
    ('gamma_inverse', 'gamma_inverse', ['u1', 'u2', 'x3'], 'y', sm.families.Gamma(), None, None,
     lambda y, mu, w: metrics.mean_gamma_deviance(y, mu, sample_weight=w)),
    ('tweedie_p15', 'tweedie', F3, 'y', sm.families.Tweedie(var_power=1.5), None, None,
     lambda y, mu, w: metrics.mean_tweedie_deviance(y, mu, sample_weight=w, power=1.5)),
    ('negbin_alpha1', 'negbin', F3, 'y', sm.families.NegativeBinomial(alpha=1.0), None, None, None),
    ('binomial', 'binomial', F3, 'y', sm.families.Binomial(), None, None, None),
    ('gaussian_log', 'gaussian_log', F3, 'y', sm.families.Gaussian(link=links.log()), None, None,
     lambda y, mu, w: metrics.mean_squared_error(y, mu, sample_weight=w)),
    ('poisson_weights', 'poisson_weights', ['x1', 'x2'], 'y', sm.families.Poisson(), None, 'w',
     lambda y, mu, w: metrics.mean_poisson_deviance(y, mu, sample_weight=w)),
]


def load(file):
    path = os.path.join(here, 'glm', file + '.csv')
    with open(path) as f:
        names = f.readline().strip().split(',')
    data = np.loadtxt(path, delimiter=',', skiprows=1)
    return {c: data[:, j] for j, c in enumerate(names)}


cases = {}
for name, file, features, target, family, offset, weights, sk_mean_dev in CASES:
    cols = load(file)
    y = cols[target]
    X = sm.add_constant(np.column_stack([cols[f] for f in features]), has_constant='add')
    n = len(y)
    test = np.arange(n) % 4 == 3
    train = ~test
    kw = {}
    if offset:
        kw['offset'] = cols[offset][train]
    if weights:
        kw['freq_weights'] = cols[weights][train]
    res = sm.GLM(y[train], X[train], family=family, **kw).fit(tol=1e-14, maxiter=200)
    pkw = {'offset': cols[offset][test]} if offset else {}
    mu = res.predict(X[test], **pkw)
    eta = res.predict(X[test], linear=True, **pkw)
    w = cols[weights][test] if weights else np.ones(test.sum())
    yt = y[test]
    deviance = float(family.deviance(yt, mu, freq_weights=w))
    c = {
        'file': 'glm/' + file + '.csv',
        'features': features,
        'target': target,
        'offset': offset,
        'weights': weights,
        'split': 'held out: data rows i (0-based) with i % 4 == 3; fit on the others',
        'params': [float(v) for v in res.params],
        'test_rows': int(test.sum()),
        'test_weight_sum': float(w.sum()),
        'eta_head': [float(v) for v in eta[:10]],
        'mu_head': [float(v) for v in mu[:10]],
        'deviance': deviance,
        'mean_deviance': deviance / float(w.sum()),
        'rmse': math.sqrt(metrics.mean_squared_error(yt, mu, sample_weight=w)),
        'mae': float(metrics.mean_absolute_error(yt, mu, sample_weight=w)),
        'sklearn_mean_deviance': None if sk_mean_dev is None else float(sk_mean_dev(yt, mu, w)),
    }
    if name == 'gaussian_log':
        c['r2'] = float(metrics.r2_score(yt, mu, sample_weight=w))
    if name == 'binomial':
        c['log_loss'] = float(metrics.log_loss(yt, mu, sample_weight=w, eps=1e-15))
        c['auc'] = float(metrics.roc_auc_score(yt, mu, sample_weight=w))
    cases[name] = c

doc = {
    'source': 'statsmodels %s (Debian python3-statsmodels), scikit-learn %s (Debian python3-sklearn), numpy %s; '
              'data: glm/*.csv written by make_glm_oracles.py' % (statsmodels.__version__, sklearn.__version__,
                                                                 np.__version__),
    'command': '/usr/bin/python3 make_glm_eval_oracles.py',
    'conventions': 'params in the order [const] + features, fit on the training rows; every other number is on the '
                   'held-out rows (data row i with i % 4 == 3), w = freq weights or 1; see the comment at the top of '
                   'make_glm_eval_oracles.py for each definition',
    'cases': cases,
}
with open(os.path.join(here, 'glm_eval_oracles.json'), 'w') as f:
    json.dump(doc, f, indent=1)
    f.write('\n')
for k, v in cases.items():
    print(k, v['test_rows'], v['mean_deviance'], v['sklearn_mean_deviance'], v.get('auc'))
