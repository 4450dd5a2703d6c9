"""Prints the Core tables of benchmarks/results/README.md from core-{db}-run{1,2}.json (compile, lookup, select,
COPY) and core-insert-{db}-run{1,2}.json (inserts, measured after the bulk-insert changes)."""
import json
import os
import statistics
R = os.path.dirname(os.path.abspath(__file__))
dbs = ['sqlite', 'postgresql', 'mariadb']


def load(prefix, run):
    out = {}
    for db in dbs:
        p = f'{R}/{prefix}-{db}-run{run}.json'
        if not os.path.exists(p) or os.path.getsize(p) == 0:
            continue
        for b in json.load(open(p)):
            name = '.'.join(b['benchmark'].split('.')[-2:])
            out[(name, b['params']['db'])] = b['primaryMetric']
    return out


core = [load('core', 1), load('core', 2)]
ins = [load('core-insert', 1), load('core-insert', 2)]


def val(runs, r, name, db, p50=False):
    m = runs[r].get((name, db))
    if m is None:
        return None
    return m['scorePercentiles']['50.0'] if p50 else m['score']


def fmt(x):
    return '—' if x is None else (f'{x:.0f}' if x >= 100 else f'{x:.1f}' if x >= 10 else f'{x:.2f}')


out = []


def line(*cells):
    out.append('| ' + ' | '.join(cells) + ' |')


def table(title, runs, vellum, raws, target, p50=False, lower_better=True, dbset=dbs, label='raw'):
    out.append(f'\n#### {title}\n')
    line('db', 'Vellum run1 / run2', f'{label} run1 / run2', 'ratio run1 / run2', 'median', 'target', 'result')
    line(*['---'] * 7)
    for db in dbset:
        v = [val(runs, r, vellum, db, p50) for r in (0, 1)]
        best, names, ratios = [], [], []
        for r in (0, 1):
            cands = [(val(runs, r, n, db, p50), n.split('.')[1]) for n in raws]
            cands = [c for c in cands if c[0] is not None]
            if not cands or v[r] is None:
                best.append(None); ratios.append(None); continue
            b = min(cands)
            best.append(b[0]); names.append(b[1])
            ratios.append(b[0] / v[r] if lower_better else v[r] / b[0])
        ok = [x for x in ratios if x is not None]
        med = statistics.median(ok) if ok else None
        which = f' ({", ".join(dict.fromkeys(names))})' if len(raws) > 1 else ''
        line(db, ' / '.join(fmt(x) for x in v), ' / '.join(fmt(x) for x in best) + which,
             ' / '.join('—' if x is None else f'{x:.2f}x' for x in ratios), '—' if med is None else f'{med:.2f}x',
             f'≥ {target}x', '—' if med is None else ('pass' if med >= target else 'FAIL'))


out.append('#### Compile a 3-join select (ns per statement, run1 / run2)\n')
line('db', 'build the AST', 'compile, cached shape', 'compile, new dialect (uncached)', 'AST + cached compile')
line(*['---'] * 5)
for db in dbs:
    line(db, *[' / '.join(fmt(val(core, r, f'CompileBenchmark.{n}', db)) for r in (0, 1))
               for n in ('ast', 'compileCached', 'compileUncached', 'astAndCompile')])
out.append('\n#### Primary-key lookup through Core, p50 (µs, run1 / run2)\n')
line('db', 'Core `.one(User.class)`', 'Core `row.get(column)`', 'raw JDBC')
line(*['---'] * 4)
for db in dbs:
    line(db, *[' / '.join(fmt(val(core, r, f'CoreLookupBenchmark.{n}', db, True)) for r in (0, 1))
               for n in ('vellum', 'vellumRow', 'raw')])
table('Select 10,000 rows → records (ms; ratio = raw / Core)', core, 'CoreSelectBenchmark.vellum',
      ['CoreSelectBenchmark.raw'], 0.95)
table('Insert 10,000 rows, no keys (ms; ratio = best raw / Core)', ins, 'CoreInsertBenchmark.vellum',
      ['CoreInsertBenchmark.multiValues', 'CoreInsertBenchmark.batchDriver'], 1.0, label='best raw')
table('Insert 10,000 rows with their generated keys (ms; ratio = hand-built VALUES ... RETURNING / Core)', ins,
      'CoreInsertBenchmark.vellumReturning', ['CoreInsertBenchmark.rawReturning'], 0.95)
table('COPY 10,000 rows, PostgreSQL (ms; ratio = CopyManager / Vellum copyIn)', core, 'CopyBenchmark.vellum',
      ['CopyBenchmark.copyManager'], 0.9, dbset=['postgresql'], label='CopyManager')
out.append('\n#### Every Core insert variant (ms per call, run1 / run2)\n')
line('variant', *dbs)
line(*['---'] * 4)
for n in ('vellum', 'multiValues', 'batchDriver', 'jooqMultiValues', 'jooqBatch', 'vellumReturning', 'rawReturning'):
    line(n, *[' / '.join(fmt(val(ins, r, f'CoreInsertBenchmark.{n}', db)) for r in (0, 1)) for db in dbs])
print('\n'.join(out))
