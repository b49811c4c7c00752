#!/usr/bin/python3
# Generates scipy_ols_pvalues.json: the two-sided p values of the oracle OLS t values and the p value of the
# oracle F statistic (oracles-public.json, datasets boston and diabetes), from scipy's t and F distributions.
# io.gridlearn.linear.OracleTest reads them; tests never run Python.
# Run from this folder: /usr/bin/python3 make_scipy_ols_pvalues.py   (Debian python3-scipy)
import json
import os

import scipy
from scipy import stats

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, '..', 'datasets', 'oracles-public.json')) as f:
    d = json.load(f)['datasets']
out = {
    'source': 'scipy %s: 2 * stats.t.sf(|t|, df_resid) per oracle t value, stats.f.sf(F, p, df_resid)' % scipy.__version__,
    'command': '/usr/bin/python3 make_scipy_ols_pvalues.py',
    'datasets': {},
}
for name in ['boston', 'diabetes']:
    o = d[name]['ols']
    df = o['df_resid']
    p = len(o['coef'])
    out['datasets'][name] = {
        'p_values': [float(2 * stats.t.sf(abs(t), df)) for t in o['t_values']],
        'f_p_value': float(stats.f.sf(o['f_statistic'], p, df)),
    }
with open(os.path.join(here, 'scipy_ols_pvalues.json'), 'w') as f:
    json.dump(out, f, indent=2)
    f.write('\n')
