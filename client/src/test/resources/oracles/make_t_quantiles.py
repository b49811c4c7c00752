#!/usr/bin/python3
# Generates t_quantiles.json: Student t quantiles the report tests compare ReportMath.tQuantile with
# (the 95% confidence intervals of a linear report use t(0.975, dfResid); boston.csv's OLS has dfResid 492).
# io.gridlearn.report.ReportCommandTest reads the file; tests never run Python.
# Run from this folder: /usr/bin/python3 make_t_quantiles.py   (Debian python3-scipy)
import json
import os

import scipy
from scipy import stats

cases = [(0.975, 492), (0.975, 10), (0.995, 30), (0.9, 1)]
out = {
    'source': 'scipy %s: stats.t.ppf(p, df)' % scipy.__version__,
    'command': '/usr/bin/python3 make_t_quantiles.py',
    'quantiles': [{'p': p, 'df': df, 't': float(stats.t.ppf(p, df))} for p, df in cases],
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 't_quantiles.json'), 'w') as f:
    json.dump(out, f, indent=2)
    f.write('\n')
