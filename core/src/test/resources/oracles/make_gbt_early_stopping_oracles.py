#!/usr/bin/python3
# gbt_early_stopping_oracles.json: XGBoost 1.7.4 hist with early stopping on the same held-out rows as gridlearn's
# --test-fraction, on the fixed splits of make_gbt_oracles.py (gbt/*_train.csv, gbt/*_test.csv). Tests never run
# Python; io.gridlearn.tree.GbtEarlyStoppingTest reads this file.
# Run from this folder: /usr/bin/python3 make_gbt_early_stopping_oracles.py   (Debian python3-xgboost 1.7.4,
# python3-sklearn 1.2.1; versions are recorded in the output)
#
# Held-out rows: gridlearn's io.gridlearn.data.RowGrouping with testFraction TEST_FRACTION, no folds and seed SEED:
# row i of *_train.csv (its row id, 0-based) is held out when unit(i, SEED) < TEST_FRACTION, unit being the
# SplitMix64 finaliser of i * 0x9E3779B97F4A7C15 + seed (mod 2^64), top 53 bits / 2^53 (re-implemented below; the
# held-out row count is recorded and the Java test checks it).
# Fit: xgboost.train(PARAMS, DMatrix(fitted rows), num_boost_round=100, evals=[(DMatrix(held-out rows), 'held')],
# early_stopping_rounds=ROUNDS), PARAMS those of make_gbt_oracles.py (eval_metric XGBoost's default: logloss for
# binary:logistic, rmse for reg:squarederror). Recorded: best_iteration, best_score (the held-out metric at the best
# round), the number of rounds fitted, and the metric on *_test.csv of the model cut at the best round
# (predict(iteration_range=(0, best_iteration + 1))): log loss as sklearn's log_loss (eps 1e-15), rmse.
import json
import math
import os

import numpy as np
import sklearn
import xgboost as xgb
from sklearn import metrics

here = os.path.dirname(os.path.abspath(__file__))
PARAMS = {'tree_method': 'hist', 'max_depth': 6, 'eta': 0.3, 'lambda': 1.0, 'gamma': 0.0,
          'min_child_weight': 1.0, 'max_bin': 256, 'base_score': 0.5, 'nthread': 1, 'seed': 0}
MAX_ROUNDS = 100
ROUNDS = 5
TEST_FRACTION = 0.25
SEED = 42
M64 = (1 << 64) - 1


def unit(row_id, seed):
    z = (row_id * 0x9E3779B97F4A7C15 + seed) & M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    z ^= z >> 31
    return (z >> 11) * 2.0 ** -53


def read(name, part):
    path = os.path.join(here, 'gbt', name + '_' + part + '.csv')
    with open(path) as f:
        cols = f.readline().strip().split(',')
    a = np.loadtxt(path, delimiter=',', skiprows=1)
    y_at = cols.index('target')
    return np.delete(a, y_at, axis=1), a[:, y_at]


cases = {}
for name, objective in [('breast_cancer', 'binary:logistic'), ('diabetes', 'reg:squarederror')]:
    x, y = read(name, 'train')
    xte, yte = read(name, 'test')
    held = np.array([unit(i, SEED) < TEST_FRACTION for i in range(len(y))])
    booster = xgb.train(dict(PARAMS, objective=objective), xgb.DMatrix(x[~held], label=y[~held]),
                        num_boost_round=MAX_ROUNDS, evals=[(xgb.DMatrix(x[held], label=y[held]), 'held')],
                        early_stopping_rounds=ROUNDS, verbose_eval=False)
    best = int(booster.best_iteration)
    p = booster.predict(xgb.DMatrix(xte), iteration_range=(0, best + 1)).astype(np.float64)
    if objective == 'binary:logistic':
        test = float(metrics.log_loss(yte, p, eps=1e-15))
    else:
        test = float(math.sqrt(metrics.mean_squared_error(yte, p)))
    cases[name] = {'train_file': 'gbt/' + name + '_train.csv', 'test_file': 'gbt/' + name + '_test.csv',
                   'target': 'target', 'objective': 'logistic' if objective == 'binary:logistic' else 'squared-error',
                   'xgboost_objective': objective,
                   'metric': 'logloss' if objective == 'binary:logistic' else 'rmse',
                   'rows_held_out': int(held.sum()), 'rows_fitted': int((~held).sum()),
                   'best_iteration': best, 'best_score': float(booster.best_score),
                   'rounds_fitted': int(booster.num_boosted_rounds()), 'test_metric_at_best': test}

out = {'source': 'make_gbt_early_stopping_oracles.py', 'xgboost': xgb.__version__, 'sklearn': sklearn.__version__,
       'numpy': np.__version__, 'params': PARAMS, 'max_rounds': MAX_ROUNDS, 'early_stopping_rounds': ROUNDS,
       'test_fraction': TEST_FRACTION, 'seed': SEED, 'cases': cases}
with open(os.path.join(here, 'gbt_early_stopping_oracles.json'), 'w') as f:
    json.dump(out, f, indent=2, sort_keys=False)
    f.write('\n')
print(json.dumps(cases, indent=2))
