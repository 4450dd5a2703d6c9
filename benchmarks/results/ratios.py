"""Prints the ratio tables of benchmarks/results/README.md from the JMH JSON files {db}-run{1,2}.json."""
import json
import os
import statistics
R = os.path.dirname(os.path.abspath(__file__))
dbs = ['sqlite', 'postgresql', 'mariadb']

def load(run):
    out = {}
    for db in dbs:
        p = f'{R}/{db}-run{run}.json'
        if not os.path.exists(p) or os.path.getsize(p) == 0:
            continue
        for b in json.load(open(p)):
            name = b['benchmark'].split('.')[-2] + '.' + b['benchmark'].split('.')[-1]
            m = b['primaryMetric']
            out[(name, b['params']['db'])] = m
    return out

runs = [load(1), load(2)]

def val(run, name, db, kind):
    m = runs[run].get((name, db))
    if m is None:
        return None
    if kind == 'p50':
        return m['scorePercentiles']['50.0']
    return m['score']

rows = []
def fmt(x, unit):
    if x is None: return '—'
    if unit == 'ops/s': return f'{x/1e6:.2f}M'
    if x >= 100: return f'{x:.0f}'
    if x >= 10: return f'{x:.1f}'
    return f'{x:.2f}'

out = []
def line(*cells):
    out.append('| ' + ' | '.join(cells) + ' |')

# lookup
out.append('### 1. Primary-key lookup, p50 latency (µs, lower is better)\n')
line('db', 'Vellum p50 run1 / run2', 'raw p50 run1 / run2', 'ratio run1', 'ratio run2', 'median', 'target', 'result')
line(*['---']*8)
for db in dbs:
    v = [val(r, 'LookupBenchmark.vellum', db, 'p50') for r in (0, 1)]
    w = [val(r, 'LookupBenchmark.raw', db, 'p50') for r in (0, 1)]
    if db == 'sqlite':
        d = [None if a is None or b is None else a - b for a, b in zip(v, w)]
        ok = [x for x in d if x is not None]
        med = statistics.median(ok) if ok else None
        line(db, ' / '.join(fmt(x, '') for x in v), ' / '.join(fmt(x, '') for x in w),
             *(('—' if x is None else f'{x:+.1f} µs') for x in d), '—' if med is None else f'{med:+.1f} µs',
             '≤ raw + 5 µs', '—' if med is None else ('pass' if med <= 5 else 'FAIL'))
    else:
        rr = [None if a is None or b is None else a / b for a, b in zip(v, w)]
        ok = [x for x in rr if x is not None]
        med = statistics.median(ok) if ok else None
        tgt = '≤ 1.1x' if db == 'postgresql' else '(none; PG goal ≤ 1.1x)'
        res = '—' if med is None else ('pass' if med <= 1.1 else ('FAIL' if db == 'postgresql' else 'over 1.1x'))
        line(db, ' / '.join(fmt(x, '') for x in v), ' / '.join(fmt(x, '') for x in w),
             *(('—' if x is None else f'{x:.2f}x') for x in rr), '—' if med is None else f'{med:.2f}x', tgt, res)

def thr_table(title, name_v, raws, unit, target, lower_better=True, note_best=False):
    out.append(f'\n### {title}\n')
    line('db', 'Vellum run1 / run2', 'raw run1 / run2' if not note_best else 'best raw run1 / run2 (variant)', 'ratio run1', 'ratio run2', 'median', 'target', 'result')
    line(*['---']*8)
    for db in dbs:
        v = [val(r, name_v, db, 'score') for r in (0, 1)]
        bw, bn, ratios = [], [], []
        for r in (0, 1):
            cands = []
            for n in raws:
                n, _, only = n.partition('@')
                if only and only != db:
                    continue
                x = val(r, n, db, 'score')
                if x is not None:
                    cands.append((x, n.split('.')[1] if not only else 'rewriteBatchedStatements'))
            if not cands or v[r] is None:
                bw.append(None); bn.append('—'); ratios.append(None); continue
            best = min(cands) if lower_better else max(cands)
            bw.append(best[0]); bn.append(best[1])
            ratios.append(best[0] / v[r] if lower_better else v[r] / best[0])
        ok = [x for x in ratios if x is not None]
        med = statistics.median(ok) if ok else None
        rawcell = ' / '.join(fmt(x, unit) for x in bw) + (f' ({", ".join(dict.fromkeys(bn))})' if note_best else '')
        line(db, ' / '.join(fmt(x, unit) for x in v), rawcell, *(('—' if x is None else f'{x:.2f}x') for x in ratios),
             '—' if med is None else f'{med:.2f}x', f'≥ {target}x', '—' if med is None else ('pass' if med >= target else 'FAIL'))

thr_table('2. Select 10,000 rows → records (ms per query; ratio = raw time / Vellum time, i.e. throughput ratio)',
          'SelectBenchmark.vellum', ['SelectBenchmark.raw'], 'ms', 0.95)
thr_table('3. Insert 10,000 rows + commit (ms per call; ratio = best raw time / Vellum time; COPY excluded)',
          'InsertBenchmark.vellum', ['InsertBenchmark.batchPlain', 'InsertBenchmark.batchDriver',
          'InsertBenchmark.multiValues', 'InsertExtraBenchmark.driverSpecific@mariadb'], 'ms', 1.0, note_best=True)
thr_table('4. Pool checkout + return, 1 thread (ops/s; ratio = Vellum / HikariCP)',
          'PoolBenchmark.vellum', ['PoolBenchmark.raw'], 'ops/s', 0.9, lower_better=False)

# all insert variants
out.append('\n### Every insert variant (ms per call, run1 / run2)\n')
names = [('InsertBenchmark.vellum', 'Vellum executeMany'), ('InsertBenchmark.batchPlain', 'raw batchPlain'),
         ('InsertBenchmark.batchDriver', 'raw batchDriver'), ('InsertBenchmark.multiValues', 'raw multiValues'),
         ('InsertExtraBenchmark.driverSpecific', 'raw driverSpecific (PG: COPY ceiling; MariaDB: rewriteBatchedStatements)')]
line('variant', *dbs)
line(*['---']*4)
for n, label in names:
    line(label, *[' / '.join(fmt(val(r, n, db, 'score'), 'ms') for r in (0, 1)) if val(0, n, db, 'score') or val(1, n, db, 'score') else '—' for db in dbs])
print('\n'.join(out))
