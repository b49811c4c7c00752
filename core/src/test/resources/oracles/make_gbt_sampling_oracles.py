#!/usr/bin/python3
# gbt_sampling_oracles.json: XGBoost 1.7.4 hist with subsample and colsample_bytree below 1 on the fixed splits of
# make_gbt_oracles.py (gbt/*_train.csv, gbt/*_test.csv; run that script first). Tests never run Python;
# io.gridlearn.tree.GbtSamplingTest reads this file.
# Run from this folder: /usr/bin/python3 make_gbt_sampling_oracles.py   (Debian python3-xgboost 1.7.4,
# python3-sklearn 1.2.1; versions are recorded in the output)
#
# Fit: xgboost.train(PARAMS, DMatrix(X_train, y_train), num_boost_round=100), PARAMS those of make_gbt_oracles.py
# plus subsample=0.8 and colsample_bytree=0.8, for seeds 0..9 (XGBoost's 'seed'); its row and column samples come
# from its own random generator, gridlearn's from hashes, so single fits are not comparable: the held-out metric's
# mean (and range) over the ten seeds is recorded, as for the random forest oracles. Metrics: logloss = sklearn
# log_loss(y_test, p) (eps 1e-15) for binary:logistic; rmse = sqrt(mean_squared_error) for reg:squarederror.
import json
import math
import os

import numpy as np
import sklearn
import xgboost as xgb
from sklearn import metrics

here = os.path.dirname(os.path.abspath(__file__))
PARAMS = {'tree_method': 'hist', 'max_depth': 6, 'eta': 0.3, 'lambda': 1.0, 'gamma': 0.0,
          'min_child_weight': 1.0, 'max_bin': 256, 'base_score': 0.5, 'nthread': 1,
          'subsample': 0.8, 'colsample_bytree': 0.8}
ROUNDS = 100
SEEDS = list(range(10))


def read(name, part):
    path = os.path.join(here, 'gbt', name + '_' + part + '.csv')
    with open(path) as f:
        cols = f.readline().strip().split(',')
    a = np.loadtxt(path, delimiter=',', skiprows=1)
    y_at = cols.index('target')
    return np.delete(a, y_at, axis=1), a[:, y_at]


cases = {}
for name, objective in [('breast_cancer', 'binary:logistic'), ('diabetes', 'reg:squarederror')]:
    xtr, ytr = read(name, 'train')
    xte, yte = read(name, 'test')
    values = []
    for seed in SEEDS:
        booster = xgb.train(dict(PARAMS, objective=objective, seed=seed), xgb.DMatrix(xtr, label=ytr),
                            num_boost_round=ROUNDS)
        p = booster.predict(xgb.DMatrix(xte)).astype(np.float64)
        if objective == 'binary:logistic':
            values.append(float(metrics.log_loss(yte, p, eps=1e-15)))
        else:
            values.append(float(math.sqrt(metrics.mean_squared_error(yte, p))))
    metric = 'test_logloss' if objective == 'binary:logistic' else 'test_rmse'
    cases[name] = {'train_file': 'gbt/' + name + '_train.csv', 'test_file': 'gbt/' + name + '_test.csv',
                   'target': 'target', 'objective': 'logistic' if objective == 'binary:logistic' else 'squared-error',
                   'xgboost_objective': objective, 'metric': metric, 'per_seed': values,
                   'mean': float(np.mean(values)), 'min': float(np.min(values)), 'max': float(np.max(values))}

out = {'source': 'make_gbt_sampling_oracles.py', 'xgboost': xgb.__version__, 'sklearn': sklearn.__version__,
       'numpy': np.__version__, 'params': PARAMS, 'rounds': ROUNDS, 'seeds': SEEDS, 'cases': cases}
with open(os.path.join(here, 'gbt_sampling_oracles.json'), 'w') as f:
    json.dump(out, f, indent=2, sort_keys=False)
    f.write('\n')
print(json.dumps({k: (v['mean'], v['min'], v['max']) for k, v in cases.items()}, indent=2))
