# Generates filiplike.csv (a degree-10 polynomial design shaped like NIST's Filip: 82 rows, x in [-9, -3])
# and filiplike-reference.csv (its exact least-squares estimates and standard errors).
# The reference solves the normal equations of the double-precision data (powers formed in double, as the
# Java test does) in mpmath at 80 significant digits; cond(X'X) is about 1e30, so ~50 digits remain.
# Run: python3 make_filiplike.py   (Python 3.11, mpmath 1.3.0; deterministic: seeded random)
import random
import mpmath as mp

random.seed(5)
n, deg = 82, 10
xs = [round(-3.1 - 5.8 * i / (n - 1) + random.uniform(-0.02, 0.02), 7) for i in range(n)]
ys = [round(0.8 + 0.01 * x + 0.001 * x * x + random.gauss(0, 0.003), 5) for x in xs]
with open('filiplike.csv', 'w') as f:
    f.write('y,x\n' + ''.join('%r,%r\n' % (y, x) for y, x in zip(ys, xs)))
rows = []
for x in xs:
    row, p = [1.0], x
    for k in range(1, deg + 1):
        row.append(p)
        p = p * x
    rows.append(row)
mp.mp.dps = 80
A = mp.matrix([[mp.mpf(v) for v in r] for r in rows])
Y = mp.matrix([mp.mpf(v) for v in ys])
G = A.T * A
b = mp.lu_solve(G, A.T * Y)
res = Y - A * b
s2 = sum(v * v for v in res) / (n - deg - 1)
Gi = G ** -1
with open('filiplike-reference.csv', 'w') as f:
    f.write('parameter,estimate,std_err\n')
    for i in range(deg + 1):
        f.write('B%d,%s,%s\n' % (i, mp.nstr(b[i], 20), mp.nstr(mp.sqrt(s2 * Gi[i, i]), 20)))
    f.write('residual_sd,%s,\n' % mp.nstr(mp.sqrt(s2), 20))
