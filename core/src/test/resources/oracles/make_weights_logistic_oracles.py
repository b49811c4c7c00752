#!/usr/bin/python3
# Generates weights/breast_cancer_w.csv and weights_logistic_oracles.json: statsmodels' and scikit-learn's results
# for frequency-weighted binary logistic regression on breast cancer and multinomial (softmax) regression on iris.
# Tests never run Python; io.gridlearn.logistic.WeightedLogisticOracleTest reads these files.
# Run from this folder: /usr/bin/python3 make_weights_logistic_oracles.py   (Debian python3-statsmodels 0.13.5,
# python3-sklearn 1.2.1; the versions are recorded in the output)
#
# Weights: numpy.random.default_rng(SEED).integers(0, 4, size=n), uniform on {0, 1, 2, 3}, one per row, the last
# column "w" of an unchanged copy of ../datasets/<name>.csv: the same seed and rule as make_weights_oracles.py, whose
# weights/iris_w.csv this script reads (it writes only breast_cancer_w.csv).
#
# Frequency weights mean "row i is w_i copies of itself": the primary value of every case is the unweighted fit on
# the rows repeated w_i times (numpy.repeat); the library's own weighted call (GLM freq_weights, sample_weight) is a
# cross-check, recorded as its largest relative difference.
import json
import os

import numpy as np
import scipy
import sklearn
import statsmodels
import statsmodels.api as sm
from sklearn.linear_model import LogisticRegression

SEED = 20261211
here = os.path.dirname(os.path.abspath(__file__))
out_dir = os.path.join(here, 'weights')


def with_weights(name, write):
    src = os.path.join(here, '..', 'datasets', name + '.csv')
    path = os.path.join(out_dir, name + '_w.csv')
    with open(src) as f:
        lines = f.read().splitlines()
    n = len(lines) - 1
    w = np.random.default_rng(SEED).integers(0, 4, size=n)
    if write:
        with open(path, 'w') as f:
            f.write(lines[0] + ',w\n')
            for i in range(n):
                f.write(lines[i + 1] + ',' + str(int(w[i])) + '\n')
    header = lines[0].split(',') + ['w']
    data = np.loadtxt(path, delimiter=',', skiprows=1)
    assert (data[:, -1] == w).all()
    return header, data[:, :-1], data[:, -1]


def rel(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300)))


def floats(v):
    return [float(x) for x in np.ravel(v)]


def kkt_binary(X, y, coef, b0, C):
    """Largest |gradient| of C*sum log(1+exp(-s(xw+b))) + 0.5||w||^2 at the solution."""
    eta = X @ coef + b0
    p = 1.0 / (1.0 + np.exp(-eta))
    g = C * (X.T @ (p - y)) + coef
    g0 = C * np.sum(p - y)
    return float(max(np.max(np.abs(g)), abs(g0)))


doc = {
    'source': 'statsmodels %s, scikit-learn %s, scipy %s, numpy %s (Debian python3-statsmodels, python3-sklearn); '
              'make_weights_logistic_oracles.py' % (statsmodels.__version__, sklearn.__version__, scipy.__version__,
                                                    np.__version__),
    'command': '/usr/bin/python3 make_weights_logistic_oracles.py',
    'weights': 'numpy.random.default_rng(%d).integers(0, 4, size=n): uniform on {0, 1, 2, 3}, one per row, the last '
               'column "w" of weights/<dataset>_w.csv (the other columns copied unchanged from ../datasets)' % SEED,
    'conventions': 'frequency weights: the primary value of every case is the unweighted call on the rows repeated '
                   'w_i times (numpy.repeat; zero-weight rows vanish); cross_check gives the largest relative '
                   'difference from the library\'s own weighted call. Coefficients are on the original feature '
                   'scale, intercept apart. sklearn C relates to gridlearn lambda by lambda = 1 / (C * sum(w)).',
    'cases': {},
}

# --- unpenalised logistic on breast cancer, the ten mean_* features (statsmodels Logit) ---------------------------
header, data, w = with_weights('breast_cancer', True)
X_all, y = data[:, :-1], data[:, -1]
names = header[:-2]
mean10 = [f for f in names if f.startswith('mean_')]
idx = [names.index(f) for f in mean10]
reps = w.astype(int)
X = X_all[:, idx]
Xr, yr = np.repeat(X, reps, axis=0), np.repeat(y, reps)
logit = sm.Logit(yr, sm.add_constant(Xr)).fit(method='newton', tol=1e-14, maxiter=200, disp=0)
glm = sm.GLM(y, sm.add_constant(X), family=sm.families.Binomial(), freq_weights=w).fit(tol=1e-14, maxiter=200)
doc['cases']['breast_cancer_logit_mean10'] = {
    'file': 'weights/breast_cancer_w.csv', 'target': 'target', 'features': mean10, 'weights': 'w',
    'call': 'Logit(np.repeat(y, w), add_constant(np.repeat(X, w, axis=0))).fit(method="newton", tol=1e-14)',
    'intercept': float(logit.params[0]), 'coef': floats(logit.params[1:]),
    'intercept_se': float(logit.bse[0]), 'std_err': floats(logit.bse[1:]),
    'llf': float(logit.llf), 'nobs': float(logit.nobs), 'rows': int(len(y)),
    'rows_positive_weight': int((w > 0).sum()),
    'max_abs_score': float(np.max(np.abs(logit.model.score(logit.params)))),
    'cross_check': {
        'glm_freq_weights_params_vs_repeated': rel(glm.params, logit.params),
        'glm_freq_weights_bse_vs_repeated': rel(glm.bse, logit.bse),
    },
}

# --- L2-penalised logistic on breast cancer, all 30 features standardized by the repeated rows (sklearn) ---------
# gridlearn --standardize centres and scales by the weighted mean and population sd (= those of the repeated rows),
# penalises the standardized coefficients, and reports them on the original scale.
C = 1.0
mu = Xr_all_mean = np.repeat(X_all, reps, axis=0).mean(axis=0)
Xr_all = np.repeat(X_all, reps, axis=0)
sd = Xr_all.std(axis=0)
Zr = (Xr_all - mu) / sd
lr = LogisticRegression(C=C, solver='newton-cg', tol=1e-14, max_iter=100000).fit(Zr, yr)
lr_w = LogisticRegression(C=C, solver='newton-cg', tol=1e-14, max_iter=100000).fit(
    (X_all - mu) / sd, y, sample_weight=w)
coef_std = lr.coef_[0]
doc['cases']['breast_cancer_l2_standardized_all30'] = {
    'file': 'weights/breast_cancer_w.csv', 'target': 'target', 'features': names, 'weights': 'w',
    'call': 'LogisticRegression(C=%r, solver="newton-cg", tol=1e-14).fit(StandardScaler-like z of the repeated rows, '
            'np.repeat(y, w)); coefficients carried to the original scale' % C,
    'C': C, 'weight_sum': float(w.sum()), 'lambda': 1.0 / (C * float(w.sum())),
    'center': floats(mu), 'scale': floats(sd),
    'coef_standardized': floats(coef_std), 'intercept_standardized': float(lr.intercept_[0]),
    'coef': floats(coef_std / sd), 'intercept': float(lr.intercept_[0] - np.sum(coef_std * mu / sd)),
    'max_kkt': kkt_binary(Zr, yr, coef_std, lr.intercept_[0], C),
    'cross_check': {'sample_weight_coef_vs_repeated': rel(lr_w.coef_, lr.coef_)},
}

# --- L2-penalised softmax on iris (sklearn multinomial), raw features -------------------------------------------
header, data, w = with_weights('iris', False)
iris_features = header[:-2]
X, y = data[:, :-1], data[:, -1].astype(int)
reps = w.astype(int)
Xr, yr = np.repeat(X, reps, axis=0), np.repeat(y, reps)
C = 1.0
sm_lr = LogisticRegression(C=C, multi_class='multinomial', solver='newton-cg', tol=1e-14, max_iter=100000).fit(Xr, yr)
sm_lr_w = LogisticRegression(C=C, multi_class='multinomial', solver='newton-cg', tol=1e-14,
                             max_iter=100000).fit(X, y, sample_weight=w)
b = sm_lr.intercept_ - sm_lr.intercept_.mean()
doc['cases']['iris_softmax_l2'] = {
    'file': 'weights/iris_w.csv', 'target': 'target', 'features': iris_features, 'weights': 'w',
    'call': 'LogisticRegression(C=%r, multi_class="multinomial", solver="newton-cg", tol=1e-14).fit(np.repeat(X, w, '
            'axis=0), np.repeat(y, w)); intercepts shifted to sum 0' % C,
    'C': C, 'weight_sum': float(w.sum()), 'lambda': 1.0 / (C * float(w.sum())),
    'intercepts': floats(b), 'coef': [floats(r) for r in sm_lr.coef_],
    'cross_check': {'sample_weight_coef_vs_repeated': rel(sm_lr_w.coef_, sm_lr.coef_)},
}

with open(os.path.join(here, 'weights_logistic_oracles.json'), 'w') as f:
    json.dump(doc, f, indent=1)
print(json.dumps({k: v.get('cross_check') for k, v in doc['cases'].items()}, indent=1))
print('max_abs_score', doc['cases']['breast_cancer_logit_mean10']['max_abs_score'],
      'max_kkt', doc['cases']['breast_cancer_l2_standardized_all30']['max_kkt'])
