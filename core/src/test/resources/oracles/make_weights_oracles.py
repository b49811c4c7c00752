#!/usr/bin/python3
# Generates the frequency-weight test data (weights/*.csv) and weights_oracles.json: statsmodels' and
# scikit-learn's results for frequency-weighted OLS, ridge and elastic net on Boston, Gaussian naive Bayes and
# k-means on iris. Tests never run Python; io.gridlearn.linear.WeightedOracleTest, io.gridlearn.bayes.
# WeightedNaiveBayesTest and io.gridlearn.kmeans.WeightedKMeansTest read these files.
# Run from this folder: /usr/bin/python3 make_weights_oracles.py   (Debian python3-statsmodels 0.13.5,
# python3-sklearn 1.2.1; the versions are recorded in the output)
#
# Weights: numpy.random.default_rng(SEED).integers(0, 4, size=n), i.e. drawn uniformly from {0, 1, 2, 3}, one
# per row, appended as the last column "w" of an unchanged copy of ../datasets/boston.csv and ../datasets/iris.csv
# (the other cells are copied as text, so Java parses the same values numpy reads back here).
#
# Frequency weights mean "row i is w_i copies of itself": the primary oracle of each case is the unweighted
# library call on the rows repeated w_i times (numpy.repeat); the weighted call of the library (WLS weights,
# GLM freq_weights, sample_weight) is a cross-check, recorded with its largest relative difference.
import json
import os

import numpy as np
import scipy
import sklearn
import statsmodels
import statsmodels.api as sm
from sklearn.cluster import KMeans
from sklearn.linear_model import ElasticNet, Ridge
from sklearn.naive_bayes import GaussianNB

SEED = 20261211
here = os.path.dirname(os.path.abspath(__file__))
out_dir = os.path.join(here, 'weights')
os.makedirs(out_dir, exist_ok=True)


def with_weights(name):
    """Copies ../datasets/<name>.csv with a column w of seeded weights in {0,1,2,3}; returns header, data, w."""
    with open(os.path.join(here, '..', 'datasets', name + '.csv')) as f:
        lines = f.read().splitlines()
    n = len(lines) - 1
    w = np.random.default_rng(SEED).integers(0, 4, size=n)
    path = os.path.join(out_dir, name + '_w.csv')
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


doc = {
    'source': 'statsmodels %s, scikit-learn %s, scipy %s, numpy %s (Debian python3-statsmodels, python3-sklearn); '
              'make_weights_oracles.py' % (statsmodels.__version__, sklearn.__version__, scipy.__version__,
                                           np.__version__),
    'command': '/usr/bin/python3 make_weights_oracles.py',
    'weights': 'numpy.random.default_rng(%d).integers(0, 4, size=n): uniform on {0, 1, 2, 3}, one per row, the last '
               'column "w" of weights/<dataset>_w.csv (the other columns copied unchanged from ../datasets)' % SEED,
    'conventions': 'frequency weights: the primary value of every case is the unweighted call on the rows repeated '
                   'w_i times (numpy.repeat; zero-weight rows vanish); cross_check gives the largest relative '
                   'difference from the library\'s own weighted call. OLS: params/bse/tvalues/pvalues in the order '
                   '[const] + features; nobs = sum(w); df_resid = sum(w) - parameters.',
    'cases': {},
}

# --- OLS on Boston ---------------------------------------------------------------------------------------------
header, data, w = with_weights('boston')
features = header[:-2]
X, y = data[:, :-1], data[:, -1]
reps = w.astype(int)
Xr, yr = np.repeat(X, reps, axis=0), np.repeat(y, reps)
ols = sm.OLS(yr, sm.add_constant(Xr)).fit()
wls = sm.WLS(y, sm.add_constant(X), weights=w).fit()
glm = sm.GLM(y, sm.add_constant(X), family=sm.families.Gaussian(), freq_weights=w).fit()
doc['cases']['boston_ols'] = {
    'file': 'weights/boston_w.csv', 'target': 'medv', 'features': features, 'weights': 'w',
    'call': 'OLS(np.repeat(y, w), add_constant(np.repeat(X, w, axis=0))).fit()',
    'params': floats(ols.params), 'bse': floats(ols.bse), 'tvalues': floats(ols.tvalues),
    'pvalues': floats(ols.pvalues), 'rsquared': float(ols.rsquared), 'rsquared_adj': float(ols.rsquared_adj),
    'fvalue': float(ols.fvalue), 'f_pvalue': float(ols.f_pvalue), 'llf': float(ols.llf), 'aic': float(ols.aic),
    'bic': float(ols.bic), 'ssr': float(ols.ssr), 'scale': float(ols.scale), 'nobs': float(ols.nobs),
    'df_resid': float(ols.df_resid), 'df_model': float(ols.df_model), 'rows': int(len(y)),
    'rows_positive_weight': int((w > 0).sum()),
    'cross_check': {
        'wls_params_vs_ols_repeated': rel(wls.params, ols.params),
        'glm_freq_weights_params_vs_ols_repeated': rel(glm.params, ols.params),
        'glm_freq_weights_bse_vs_ols_repeated': rel(glm.bse, ols.bse),
        'glm_freq_weights_df_resid': float(glm.df_resid),
    },
}

# --- ridge and elastic net on Boston (scikit-learn, sample_weight vs repeated rows) -----------------------------
n_rep = len(yr)
ridge_alpha = 10.0
ridge = Ridge(alpha=ridge_alpha, tol=1e-14, solver='cholesky').fit(Xr, yr)
ridge_w = Ridge(alpha=ridge_alpha, tol=1e-14, solver='cholesky').fit(X, y, sample_weight=w)
doc['cases']['boston_ridge'] = {
    'file': 'weights/boston_w.csv', 'target': 'medv', 'features': features, 'weights': 'w',
    'call': 'Ridge(alpha=%r, solver="cholesky").fit(np.repeat(X, w, axis=0), np.repeat(y, w))' % ridge_alpha,
    'objective': 'sklearn Ridge minimises ||y - Xb - b0||^2 + alpha ||b||^2 over the repeated rows: gridlearn '
                 'ridge with lambda = alpha / sum(w)',
    'alpha': ridge_alpha, 'lambda': ridge_alpha / n_rep,
    'intercept': float(ridge.intercept_), 'coef': floats(ridge.coef_),
    'cross_check': {'sample_weight_coef_vs_repeated': rel(ridge_w.coef_, ridge.coef_)},
}
en_alpha, en_l1 = 0.1, 0.5
en = ElasticNet(alpha=en_alpha, l1_ratio=en_l1, tol=1e-14, max_iter=1000000).fit(Xr, yr)
en_w = ElasticNet(alpha=en_alpha, l1_ratio=en_l1, tol=1e-14, max_iter=1000000).fit(X, y, sample_weight=w)
doc['cases']['boston_elastic_net'] = {
    'file': 'weights/boston_w.csv', 'target': 'medv', 'features': features, 'weights': 'w',
    'call': 'ElasticNet(alpha=%r, l1_ratio=%r, tol=1e-14, max_iter=1000000).fit(np.repeat(X, w, axis=0), '
            'np.repeat(y, w))' % (en_alpha, en_l1),
    'objective': '1/(2 sum(w)) sum w_i (y_i - x_i b - b0)^2 + alpha l1_ratio ||b||_1 + alpha (1 - l1_ratio)/2 '
                 '||b||^2: gridlearn elastic-net with lambda = alpha, alpha (its mixing) = l1_ratio',
    'alpha': en_alpha, 'l1_ratio': en_l1,
    'intercept': float(en.intercept_), 'coef': floats(en.coef_), 'sklearn_n_iter': int(en.n_iter_),
    'cross_check': {'sample_weight_coef_vs_repeated': rel(en_w.coef_, en.coef_)},
}

# --- Gaussian naive Bayes on iris -------------------------------------------------------------------------------
header, data, w = with_weights('iris')
iris_features = header[:-2]
X, y = data[:, :-1], data[:, -1]
reps = w.astype(int)
Xr, yr = np.repeat(X, reps, axis=0), np.repeat(y, reps)
nb = GaussianNB().fit(Xr, yr)
nb_w = GaussianNB().fit(X, y, sample_weight=w)
nb0 = GaussianNB(var_smoothing=0.0).fit(Xr, yr)
nb0_w = GaussianNB(var_smoothing=0.0).fit(X, y, sample_weight=w)
doc['cases']['iris_naive_bayes'] = {
    'file': 'weights/iris_w.csv', 'target': 'target', 'features': iris_features, 'weights': 'w',
    'call': 'GaussianNB().fit(np.repeat(X, w, axis=0), np.repeat(y, w))',
    'note': 'GaussianNB.fit(X, y, sample_weight=w) weights priors, means and variances the same way, but its '
            'epsilon_ = var_smoothing * max(np.var(X, axis=0)) is over the rows as given (unweighted, zero weights '
            'included); gridlearn takes it over the repeated rows (weighted), as repeating the rows does. With '
            'var_smoothing = 0 the two calls agree (cross_check)',
    'class_prior': floats(nb.class_prior_), 'class_count': floats(nb.class_count_),
    'theta': [floats(r) for r in nb.theta_], 'var': [floats(r) for r in nb.var_], 'epsilon': float(nb.epsilon_),
    'var_smoothing_0': {'var': [floats(r) for r in nb0.var_]},
    'sample_weight': {'epsilon': float(nb_w.epsilon_), 'var': [floats(r) for r in nb_w.var_]},
    'cross_check': {
        'sample_weight_class_prior_vs_repeated': rel(nb_w.class_prior_, nb.class_prior_),
        'sample_weight_theta_vs_repeated': rel(nb_w.theta_, nb.theta_),
        'sample_weight_var_vs_repeated_var_smoothing_0': rel(nb0_w.var_, nb0.var_),
    },
}

# --- k-means on iris from given rows ---------------------------------------------------------------------------
init_rows = [int(np.flatnonzero((y == c) & (w > 0))[0]) for c in range(3)]   # first row of positive weight per class
init = X[init_rows]
km = KMeans(n_clusters=3, init=init, n_init=1, algorithm='lloyd', tol=0.0, max_iter=300).fit(Xr)
km_w = KMeans(n_clusters=3, init=init, n_init=1, algorithm='lloyd', tol=0.0, max_iter=300).fit(X, sample_weight=w)
labels = km_w.predict(X)
d2 = ((X - km_w.cluster_centers_[labels]) ** 2).sum(axis=1)
doc['cases']['iris_kmeans'] = {
    'file': 'weights/iris_w.csv', 'features': iris_features, 'weights': 'w',
    'call': 'KMeans(n_clusters=3, init=X[init_rows], n_init=1, algorithm="lloyd", tol=0, max_iter=300)'
            '.fit(np.repeat(X, w, axis=0))',
    'init_rows_0based': init_rows,
    'centers': [floats(r) for r in km.cluster_centers_], 'inertia': float(km.inertia_),
    'sklearn_n_iter': int(km.n_iter_),
    'cluster_weights': floats(np.bincount(labels, weights=w, minlength=3)),
    'labels': [int(v) for v in labels],
    'cross_check': {
        'sample_weight_centers_vs_repeated': rel(km_w.cluster_centers_, km.cluster_centers_),
        'sample_weight_inertia_vs_repeated': rel(km_w.inertia_, km.inertia_),
        'inertia_vs_numpy_sum_w_d2': rel((w * d2).sum(), km.inertia_),
        'sample_weight_n_iter': int(km_w.n_iter_),
    },
}

with open(os.path.join(here, 'weights_oracles.json'), 'w') as f:
    json.dump(doc, f, indent=1)
    f.write('\n')
for k, v in doc['cases'].items():
    print(k, v['cross_check'])
