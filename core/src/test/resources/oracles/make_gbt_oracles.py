#!/usr/bin/python3
# Generates the gradient-boosted tree test data (gbt/*_train.csv, gbt/*_test.csv) and gbt_oracles.json: XGBoost
# 1.7.4's hist fits with the same settings as gridlearn's defaults and their held-out metrics. Tests never run
# Python; io.gridlearn.tree.GbtOracleTest reads these files.
# Run from this folder: /usr/bin/python3 make_gbt_oracles.py   (Debian python3-xgboost 1.7.4, python3-sklearn
# 1.2.1; versions are recorded in the output)
#
# Splits: the rows of ../datasets/breast_cancer.csv and ../datasets/diabetes.csv are shuffled by
# numpy.random.default_rng(SEED).permutation(n); the first round(0.8 n) go to *_train.csv and the rest to
# *_test.csv, each line copied as text (so Java parses the same values numpy reads back here).
#
# Fit: xgboost.train(PARAMS, DMatrix(X_train, y_train), num_boost_round=100) with tree_method=hist, max_depth=6,
# eta=0.3, lambda=1, gamma=0, min_child_weight=1, max_bin=256, base_score=0.5 (1.7's default, given explicitly),
# nthread=1; objective binary:logistic (breast cancer, label 'target') or reg:squarederror (diabetes, label
# 'target'). Held out: logloss = sklearn log_loss(y_test, p) (eps 1e-15); rmse = sqrt(mean_squared_error).
# The training metrics are recorded too. XGBoost reads the features as float32 (DMatrix); gridlearn keeps doubles.
import json
import math
import os

import numpy as np
import sklearn
import xgboost as xgb
from sklearn import metrics

SEED = 20261205
here = os.path.dirname(os.path.abspath(__file__))
out_dir = os.path.join(here, 'gbt')
os.makedirs(out_dir, exist_ok=True)

PARAMS = {'tree_method': 'hist', 'max_depth': 6, 'eta': 0.3, 'lambda': 1.0, 'gamma': 0.0,
          'min_child_weight': 1.0, 'max_bin': 256, 'base_score': 0.5, 'nthread': 1, 'seed': 0}
ROUNDS = 100


def split(name):
    with open(os.path.join(here, '..', 'datasets', name + '.csv')) as f:
        lines = f.read().splitlines()
    header, rows = lines[0], lines[1:]
    perm = np.random.default_rng(SEED).permutation(len(rows))
    k = int(round(0.8 * len(rows)))
    parts = {'train': [rows[i] for i in perm[:k]], 'test': [rows[i] for i in perm[k:]]}
    for part, rs in parts.items():
        with open(os.path.join(out_dir, name + '_' + part + '.csv'), 'w') as f:
            f.write(header + '\n' + '\n'.join(rs) + '\n')
    cols = header.split(',')
    def read(part):
        a = np.loadtxt(os.path.join(out_dir, name + '_' + part + '.csv'), delimiter=',', skiprows=1)
        y_at = cols.index('target')
        return np.delete(a, y_at, axis=1), a[:, y_at]
    return cols, read('train'), read('test')


cases = {}
for name, objective in [('breast_cancer', 'binary:logistic'), ('diabetes', 'reg:squarederror')]:
    cols, (xtr, ytr), (xte, yte) = split(name)
    params = dict(PARAMS, objective=objective)
    booster = xgb.train(params, xgb.DMatrix(xtr, label=ytr), num_boost_round=ROUNDS)
    ptr = booster.predict(xgb.DMatrix(xtr))
    pte = booster.predict(xgb.DMatrix(xte))
    case = {'train_file': 'gbt/' + name + '_train.csv', 'test_file': 'gbt/' + name + '_test.csv',
            'target': 'target', 'objective': 'logistic' if objective == 'binary:logistic' else 'squared-error',
            'xgboost_objective': objective, 'rows_train': int(len(ytr)), 'rows_test': int(len(yte))}
    if objective == 'binary:logistic':
        case['train_logloss'] = float(metrics.log_loss(ytr, ptr.astype(np.float64), eps=1e-15))
        case['test_logloss'] = float(metrics.log_loss(yte, pte.astype(np.float64), eps=1e-15))
        case['test_accuracy'] = float(metrics.accuracy_score(yte, (pte > 0.5).astype(int)))
    else:
        case['train_rmse'] = float(math.sqrt(metrics.mean_squared_error(ytr, ptr)))
        case['test_rmse'] = float(math.sqrt(metrics.mean_squared_error(yte, pte)))
    cases[name] = case

out = {'source': 'make_gbt_oracles.py', 'xgboost': xgb.__version__, 'sklearn': sklearn.__version__,
       'numpy': np.__version__, 'seed': SEED, 'params': PARAMS, 'rounds': ROUNDS, 'cases': cases}
with open(os.path.join(here, 'gbt_oracles.json'), 'w') as f:
    json.dump(out, f, indent=2, sort_keys=False)
    f.write('\n')
print(json.dumps(cases, indent=2))
