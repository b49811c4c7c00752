#!/usr/bin/python3
# Generates the GLM test data (glm/*.csv, seeded) and glm_oracles.json: statsmodels' GLM results on exactly
# those files (each CSV is written first and read back, so statsmodels fits the values the Java tests parse).
# io.gridlearn.glm.GlmOracleTest reads them; tests never run Python.
# Run from this folder: /usr/bin/python3 make_glm_oracles.py   (Debian python3-statsmodels 0.13.5)
#
# Conventions (as ../datasets/oracles-glm-public.json): params and bse in the order [const] + features;
# every fit is sm.GLM(endog, sm.add_constant(exog), family=..., [offset=...], [freq_weights=...])
# .fit(tol=1e-14, maxiter=200) (IRLS); "scale" is statsmodels' scale (Pearson chi2 / df_resid for Gaussian,
# Gamma and Tweedie, 1 otherwise); llf and aic are null where statsmodels gives NaN (Tweedie: no likelihood).
import json
import math
import os

import numpy as np
import statsmodels
import statsmodels.api as sm

here = os.path.dirname(os.path.abspath(__file__))
out_dir = os.path.join(here, 'glm')
os.makedirs(out_dir, exist_ok=True)
rng = np.random.default_rng(20261204)
links = sm.families.links


def write_csv(name, columns):
    names = list(columns)
    n = len(columns[names[0]])
    path = os.path.join(out_dir, name + '.csv')
    with open(path, 'w') as f:
        f.write(','.join(names) + '\n')
        for i in range(n):
            f.write(','.join(repr(float(columns[c][i])) for c in names) + '\n')
    data = np.loadtxt(path, delimiter=',', skiprows=1)
    return {c: data[:, j] for j, c in enumerate(names)}


def num(v):
    v = float(v)
    return None if math.isnan(v) or math.isinf(v) else v


cases = {}


def case(name, file, features, target, family_name, link_name, family, call, offset=None, weights=None,
         variance_power=None, nb_alpha=None):
    cols = write_csv(file, dict(GEN[file]))
    X = sm.add_constant(np.column_stack([cols[f] for f in features]), has_constant='add')
    kw = {}
    if offset:
        kw['offset'] = cols[offset]
    if weights:
        kw['freq_weights'] = cols[weights]
    r = sm.GLM(cols[target], X, family=family, **kw).fit(tol=1e-14, maxiter=200)
    cases[name] = {
        'file': 'glm/' + file + '.csv',
        'call': call,
        'target': target,
        'features': features,
        'offset': offset,
        'weights': weights,
        'family': family_name,
        'link': link_name,
        'variance_power': variance_power,
        'nb_alpha': nb_alpha,
        'params': [float(v) for v in r.params],
        'bse': [float(v) for v in r.bse],
        'tvalues': [float(v) for v in r.tvalues],
        'pvalues': [float(v) for v in r.pvalues],
        'deviance': float(r.deviance),
        'null_deviance': float(r.null_deviance),
        'pearson_chi2': float(r.pearson_chi2),
        'scale': float(r.scale),
        'llf': num(r.llf),
        'aic': num(r.aic),
        'df_resid': float(r.df_resid),
        'df_model': float(r.df_model),
        'nobs': float(r.nobs),
        'iterations': int(r.fit_history['iteration']),
        'converged': bool(r.converged),
    }


n = 2000
x1 = rng.normal(size=n).round(6)
x2 = rng.uniform(-1, 1, size=n).round(6)
x3 = rng.binomial(1, 0.4, size=n).astype(float)
GEN = {}

# Poisson with an offset (log exposure)
logexp = np.log(rng.uniform(0.5, 3.0, size=n)).round(8)
mu = np.exp(0.3 + 0.5 * x1 - 0.4 * x2 + 0.2 * x3 + logexp)
GEN['poisson_offset'] = {'x1': x1, 'x2': x2, 'x3': x3, 'logexp': logexp, 'y': rng.poisson(mu).astype(float)}

# Gamma, log link: shape 2
mu = np.exp(0.5 + 0.3 * x1 - 0.2 * x2 + 0.1 * x3)
GEN['gamma_log'] = {'x1': x1, 'x2': x2, 'x3': x3, 'y': rng.gamma(2.0, mu / 2.0).round(8)}

# Gamma, inverse link: 1/mu = 0.5 + 0.1 u1 + 0.2 u2 > 0
u1 = rng.uniform(0, 2, size=n).round(6)
u2 = rng.uniform(0, 1, size=n).round(6)
mu = 1.0 / (0.5 + 0.1 * u1 + 0.2 * u2 + 0.1 * x3)
GEN['gamma_inverse'] = {'u1': u1, 'u2': u2, 'x3': x3, 'y': rng.gamma(3.0, mu / 3.0).round(8)}

# Tweedie p = 1.5 (compound Poisson-gamma: zeros and positive amounts), log link
mu = np.exp(0.2 + 0.4 * x1 - 0.3 * x2 + 0.2 * x3)
p, phi = 1.5, 1.0
lam = mu ** (2 - p) / (phi * (2 - p))
shape = (2 - p) / (p - 1)
scale = phi * (p - 1) * mu ** (p - 1)
counts = rng.poisson(lam)
y = np.array([rng.gamma(shape * k, scale[i]) if k > 0 else 0.0 for i, k in enumerate(counts)]).round(8)
GEN['tweedie'] = {'x1': x1, 'x2': x2, 'x3': x3, 'y': y}

# negative binomial, alpha = 1 (variance mu + mu^2), log link
mu = np.exp(0.7 + 0.3 * x1 - 0.5 * x2 + 0.3 * x3)
GEN['negbin'] = {'x1': x1, 'x2': x2, 'x3': x3, 'y': rng.negative_binomial(1.0, 1.0 / (1.0 + mu)).astype(float)}

# binomial (0/1), logit link
eta = -0.3 + 0.8 * x1 - 0.6 * x2 + 0.5 * x3
GEN['binomial'] = {'x1': x1, 'x2': x2, 'x3': x3, 'y': rng.binomial(1, 1 / (1 + np.exp(-eta))).astype(float)}

# Gaussian with a log link
mu = np.exp(1.0 + 0.3 * x1 - 0.2 * x2 + 0.1 * x3)
GEN['gaussian_log'] = {'x1': x1, 'x2': x2, 'x3': x3, 'y': (mu + rng.normal(0, 0.5, size=n)).round(8)}

# Poisson with frequency weights 0, 1, 2, 3 (a weight of 2 is the row twice, 0 removes it)
m = 600
w1 = rng.normal(size=m).round(6)
w2 = rng.uniform(-1, 1, size=m).round(6)
mu = np.exp(0.4 + 0.5 * w1 - 0.3 * w2)
GEN['poisson_weights'] = {'x1': w1, 'x2': w2, 'w': rng.integers(0, 4, size=m).astype(float),
                          'y': rng.poisson(mu).astype(float)}

F3 = ['x1', 'x2', 'x3']
case('poisson_offset', 'poisson_offset', F3, 'y', 'poisson', 'log', sm.families.Poisson(),
     "GLM(y, add_constant(X), family=Poisson(), offset=logexp)", offset='logexp')
case('gamma_log', 'gamma_log', F3, 'y', 'gamma', 'log', sm.families.Gamma(link=links.log()),
     "GLM(y, add_constant(X), family=Gamma(link=links.log()))")
case('gamma_inverse', 'gamma_inverse', ['u1', 'u2', 'x3'], 'y', 'gamma', 'inverse', sm.families.Gamma(),
     "GLM(y, add_constant(X), family=Gamma())  # default link inverse_power")
case('tweedie_p15', 'tweedie', F3, 'y', 'tweedie', 'log', sm.families.Tweedie(var_power=1.5),
     "GLM(y, add_constant(X), family=Tweedie(var_power=1.5))  # default link log", variance_power=1.5)
case('negbin_alpha1', 'negbin', F3, 'y', 'negative-binomial', 'log', sm.families.NegativeBinomial(alpha=1.0),
     "GLM(y, add_constant(X), family=NegativeBinomial(alpha=1.0))  # default link log", nb_alpha=1.0)
case('binomial', 'binomial', F3, 'y', 'binomial', 'logit', sm.families.Binomial(),
     "GLM(y, add_constant(X), family=Binomial())")
case('gaussian_log', 'gaussian_log', F3, 'y', 'gaussian', 'log', sm.families.Gaussian(link=links.log()),
     "GLM(y, add_constant(X), family=Gaussian(link=links.log()))")
case('poisson_weights', 'poisson_weights', ['x1', 'x2'], 'y', 'poisson', 'log', sm.families.Poisson(),
     "GLM(y, add_constant(X), family=Poisson(), freq_weights=w)", weights='w')

doc = {
    'source': 'statsmodels %s (Debian python3-statsmodels), numpy %s; data generated by make_glm_oracles.py with '
              'numpy.random.default_rng(20261204), written to glm/*.csv with repr() and read back before fitting'
              % (statsmodels.__version__, np.__version__),
    'command': '/usr/bin/python3 make_glm_oracles.py',
    'conventions': 'params/bse/tvalues/pvalues in the order [const] + features; every fit is '
                   'statsmodels.api.GLM(...).fit(tol=1e-14, maxiter=200) (IRLS); scale is the Pearson chi2 / '
                   'df_resid for gaussian, gamma, tweedie and 1 otherwise; llf and aic null where statsmodels '
                   'gives NaN (Tweedie); df_resid = sum of freq_weights - number of params',
    'cases': cases,
}
with open(os.path.join(here, 'glm_oracles.json'), 'w') as f:
    json.dump(doc, f, indent=1)
    f.write('\n')
for k, v in cases.items():
    print(k, v['iterations'], v['converged'], v['deviance'], v['llf'])
