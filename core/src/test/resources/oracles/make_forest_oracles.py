#!/usr/bin/python3
# Writes forest_oracles.json: scikit-learn 1.2.1's RandomForestClassifier / RandomForestRegressor with the settings
# of gridlearn's random-forest defaults, fit on the fixed splits of gbt/ (made by make_gbt_oracles.py: the same
# train and test rows gridlearn reads), and their held-out metrics. Tests never run Python;
# io.gridlearn.tree.ForestOracleTest reads this file.
# Run from this folder: /usr/bin/python3 make_forest_oracles.py   (Debian python3-sklearn 1.2.1)
#
# Settings (gridlearn name = scikit-learn name): trees 100 = n_estimators; max-depth 16 = max_depth;
# min-child-weight 1 ~ min_samples_leaf=1 (a child needs one drawn row); features per split = max_features:
# floor(sqrt(d)) for gini (breast cancer, d = 30: 5), floor(d/3) for squared error (diabetes, d = 10: 3; given
# explicitly: scikit-learn 1.2's regressor default is all features); bootstrap=True (sklearn draws n rows with
# replacement, gridlearn Poisson(1) counts per row); criterion gini / squared_error. scikit-learn splits on exact
# values (midpoints), gridlearn on at most 256 quantile bins per feature.
#
# The two forests draw different random numbers, so no single seed of scikit-learn's is "the" answer: the
# metrics are recorded for random_state 0..9 and their mean, which the test compares gridlearn against.
# Held out: log loss = sklearn log_loss (eps 1e-15) of predict_proba[:, 1]; accuracy; rmse =
# sqrt(mean_squared_error). feature_importances: the mean over the ten seeds of feature_importances_ (mean decrease
# in impurity), in the columns' order without the target.
import json
import math
import os

import numpy as np
import sklearn
from sklearn import metrics
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor

here = os.path.dirname(os.path.abspath(__file__))
SEEDS = list(range(10))
TREES = 100
MAX_DEPTH = 16


def read(name, part):
    path = os.path.join(here, 'gbt', name + '_' + part + '.csv')
    with open(path) as f:
        cols = f.readline().strip().split(',')
    a = np.loadtxt(path, delimiter=',', skiprows=1)
    y_at = cols.index('target')
    return np.delete(a, y_at, axis=1), a[:, y_at]


cases = {}
for name, classifier in [('breast_cancer', True), ('diabetes', False)]:
    xtr, ytr = read(name, 'train')
    xte, yte = read(name, 'test')
    d = xtr.shape[1]
    m = max(1, int(math.floor(math.sqrt(d)))) if classifier else max(1, d // 3)
    runs = []
    imps = []
    for seed in SEEDS:
        common = dict(n_estimators=TREES, max_depth=MAX_DEPTH, max_features=m, min_samples_leaf=1,
                      bootstrap=True, random_state=seed, n_jobs=1)
        if classifier:
            f = RandomForestClassifier(criterion='gini', **common).fit(xtr, ytr)
            p = f.predict_proba(xte)[:, list(f.classes_).index(1.0)]
            imps.append(f.feature_importances_)
            runs.append({'random_state': seed,
                         'test_logloss': float(metrics.log_loss(yte, p, eps=1e-15, labels=[0, 1])),
                         'test_accuracy': float(metrics.accuracy_score(yte, (p > 0.5).astype(float)))})
        else:
            f = RandomForestRegressor(criterion='squared_error', **common).fit(xtr, ytr)
            imps.append(f.feature_importances_)
            runs.append({'random_state': seed,
                         'test_rmse': float(math.sqrt(metrics.mean_squared_error(yte, f.predict(xte))))})
    case = {'train_file': 'gbt/' + name + '_train.csv', 'test_file': 'gbt/' + name + '_test.csv',
            'target': 'target', 'objective': 'gini' if classifier else 'squared-error', 'max_features': m,
            'rows_train': int(len(ytr)), 'rows_test': int(len(yte)),
            'feature_importances': [float(v) for v in np.mean(imps, axis=0)], 'runs': runs}
    for k in (['test_logloss', 'test_accuracy'] if classifier else ['test_rmse']):
        vals = [r[k] for r in runs]
        case[k] = float(np.mean(vals))
        case[k + '_min'] = float(np.min(vals))
        case[k + '_max'] = float(np.max(vals))
    cases[name] = case

out = {'source': 'make_forest_oracles.py', 'sklearn': sklearn.__version__, 'numpy': np.__version__,
       'trees': TREES, 'max_depth': MAX_DEPTH, 'seeds': SEEDS, 'cases': cases}
with open(os.path.join(here, 'forest_oracles.json'), 'w') as f:
    json.dump(out, f, indent=2, sort_keys=False)
    f.write('\n')
print(json.dumps({k: {x: v for x, v in c.items() if x != 'runs'} for k, c in cases.items()}, indent=2))
