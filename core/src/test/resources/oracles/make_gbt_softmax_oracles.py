#!/usr/bin/python3
# Generates the multiclass gradient-boosted tree test data (gbt/iris_train.csv, gbt/iris_test.csv) and
# gbt_softmax_oracles.json: XGBoost 1.7.4's hist fit with objective multi:softprob and the same settings as
# gridlearn's defaults, and its held-out metrics. Tests never run Python; io.gridlearn.tree.GbtSoftmaxTest reads
# these files.
# Run from this folder: /usr/bin/python3 make_gbt_softmax_oracles.py   (Debian python3-xgboost 1.7.4,
# python3-sklearn 1.2.1; versions are recorded in the output)
#
# Data: ../datasets/iris.csv (Fisher 1936, as scikit-learn's load_iris(); classes 0, 1, 2 in column 'target'),
# rows shuffled by numpy.random.default_rng(SEED).permutation(150); the first round(0.8 n) = 120 go to
# gbt/iris_train.csv and the other 30 to gbt/iris_test.csv, each line copied as text.
#
# Fit: xgboost.train(PARAMS, DMatrix(X_train, y_train), num_boost_round=100): objective multi:softprob,
# num_class=3, tree_method=hist, max_depth=6, eta=0.3, lambda=1, gamma=0, min_child_weight=1, max_bin=256,
# base_score=0.5 (1.7's default, given explicitly), nthread=1: 100 rounds of one tree per class.
# Held out: logloss = sklearn log_loss(y_test, P, labels=[0, 1, 2]) (eps 1e-15), accuracy of the argmax.
# Per round: XGBoost's own mlogloss on the training and held-out rows (evals_result), for reference.
import json
import os

import numpy as np
import sklearn
import xgboost as xgb
from sklearn import metrics

SEED = 20261206
here = os.path.dirname(os.path.abspath(__file__))
out_dir = os.path.join(here, 'gbt')
os.makedirs(out_dir, exist_ok=True)

PARAMS = {'objective': 'multi:softprob', 'num_class': 3, 'tree_method': 'hist', 'max_depth': 6, 'eta': 0.3,
          'lambda': 1.0, 'gamma': 0.0, 'min_child_weight': 1.0, 'max_bin': 256, 'base_score': 0.5,
          'nthread': 1, 'seed': 0, 'eval_metric': 'mlogloss'}
ROUNDS = 100

with open(os.path.join(here, '..', 'datasets', 'iris.csv')) as f:
    lines = f.read().splitlines()
header, rows = lines[0], lines[1:]
perm = np.random.default_rng(SEED).permutation(len(rows))
k = int(round(0.8 * len(rows)))
parts = {'train': [rows[i] for i in perm[:k]], 'test': [rows[i] for i in perm[k:]]}
for part, rs in parts.items():
    with open(os.path.join(out_dir, 'iris_' + part + '.csv'), 'w') as f:
        f.write(header + '\n' + '\n'.join(rs) + '\n')
cols = header.split(',')
y_at = cols.index('target')


def read(part):
    a = np.loadtxt(os.path.join(out_dir, 'iris_' + part + '.csv'), delimiter=',', skiprows=1)
    return np.delete(a, y_at, axis=1), a[:, y_at]


(xtr, ytr), (xte, yte) = read('train'), read('test')
dtr, dte = xgb.DMatrix(xtr, label=ytr), xgb.DMatrix(xte, label=yte)
evals = {}
booster = xgb.train(PARAMS, dtr, num_boost_round=ROUNDS, evals=[(dtr, 'train'), (dte, 'test')],
                    evals_result=evals, verbose_eval=False)
ptr = booster.predict(dtr).astype(np.float64)
pte = booster.predict(dte).astype(np.float64)
case = {'train_file': 'gbt/iris_train.csv', 'test_file': 'gbt/iris_test.csv', 'target': 'target',
        'objective': 'softmax', 'xgboost_objective': 'multi:softprob', 'classes': 3,
        'rows_train': int(len(ytr)), 'rows_test': int(len(yte)),
        'trees': len(booster.get_dump()),
        'train_logloss': float(metrics.log_loss(ytr, ptr, labels=[0, 1, 2], eps=1e-15)),
        'test_logloss': float(metrics.log_loss(yte, pte, labels=[0, 1, 2], eps=1e-15)),
        'train_accuracy': float(metrics.accuracy_score(ytr, ptr.argmax(axis=1))),
        'test_accuracy': float(metrics.accuracy_score(yte, pte.argmax(axis=1))),
        'train_mlogloss_per_round': [float(v) for v in evals['train']['mlogloss']],
        'test_mlogloss_per_round': [float(v) for v in evals['test']['mlogloss']]}
out = {'source': 'make_gbt_softmax_oracles.py', 'xgboost': xgb.__version__, 'sklearn': sklearn.__version__,
       'numpy': np.__version__, 'seed': SEED, 'params': PARAMS, 'rounds': ROUNDS, 'cases': {'iris': case}}
with open(os.path.join(here, 'gbt_softmax_oracles.json'), 'w') as f:
    json.dump(out, f, indent=2, sort_keys=False)
    f.write('\n')
print(json.dumps({k: v for k, v in case.items() if not k.endswith('per_round')}, indent=2))
