"""Check that results/ holds what the book quotes, measured by the code of today.

    python .ci/check_results.py             # report: stale results files, stray files, unfound figures (exit 0)
    python .ci/check_results.py --enforce   # the same, and exit 1 if anything is reported (what .ci/run runs)
    python .ci/check_results.py --list      # a table of the files: command, date, commit, dirty tree, fresh or stale

Stale results. Every results file carries a provenance (`specdec.store.provenance()`, under a `provenance` key at any
depth, or the top-level `meta` of older files) with `modules`: a short SHA-256 of the source of every specdec module that
was loaded when it was written. A file is stale when one of those modules has changed since (or is gone), or when it has
no module hashes at all (recorded before they existed). The report names the changed modules and the command that
wrote the file, so that the reader can run it again.

Stray files. A file of results/ that is not JSON must be drawn from a JSON file there (`DRAWN_FROM` names it): it is then
as fresh as that file. Any other file is reported.

Unfound figures. A performance figure (see `FIGURES`: `1.48x`, `x1.25`, `23.0 tok/s`, `tau 3.85`, `12 ms`, `34 min`,
`speed-up of 1.3`, a percentage in a sentence about speed) in the prose of README.md or of a notebook's markdown cells
must be the value, at its printed precision, of some number in some results JSON: a figure typed by hand goes stale.
Code and its outputs are not checked (outputs are printed by code, and code reads files). A figure is a citation, and
is not checked, when its sentence names its source: a link to a web page, "et al.", "arXiv", a "paper", or one of
`SOURCES` (other projects' published figures: Medusa, Scylla, SpecInfer, vLLM's documentation...)."""
import argparse, importlib.util, json, re, sys
from bisect import bisect_left
from pathlib import Path

root = Path(__file__).resolve().parents[1]
RESULTS, NBS = root / 'results', root / 'nbs'

def _store():
    "specdec/store.py loaded from its file (its `source_hash` is the hash provenance() recorded), without importing specdec"
    spec = importlib.util.spec_from_file_location('_specdec_store', root / 'specdec' / 'store.py')
    mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    return mod

# A results file that is not JSON: the JSON it is drawn from, and by what. The check draws it again from that JSON
# (`plot_speedups` of its summary, at the dpi `specdec-bench --plots` saves with) and compares the bytes.
DRAWN_FROM = {'task_speedups_eagle.png': ('defaults_bf16.json',
                                          "specdec-bench --drafter eagle --plots results: plot_speedups of the JSON's summary")}

def redraw(src:Path)->bytes:
    "The PNG `specdec-bench --plots` draws from the task benchmark's JSON `src`"
    import io
    sys.path.insert(0, str(root))
    from specdec.harness import plot_speedups, load_results
    buf = io.BytesIO(); plot_speedups(load_results(src)['summary']).savefig(buf, dpi=120)
    return buf.getvalue()

# ---------------------------------------------------------------- stale results
def provenances(d, path=''):
    "(where, provenance) of every provenance record in a results file"
    if isinstance(d, dict):
        if path == '' and isinstance(d.get('meta'), dict): yield 'meta', d['meta']
        for k, v in d.items():
            if k == 'provenance' and isinstance(v, dict): yield f'{path}{k}', v
            else: yield from provenances(v, f'{path}{k}.')

def module_file(name:str)->Path:
    "The source file of module `name` (specdec, specdec.x) in this checkout"
    parts = name.split('.')[1:]
    f = root.joinpath('specdec', *parts).with_suffix('.py') if parts else root / 'specdec' / '__init__.py'
    return f if f.exists() or not parts else root.joinpath('specdec', *parts, '__init__.py')

def stale_reasons(prov:dict, source_hash)->list[str]:
    "Why a provenance no longer describes the code of today (empty: fresh)"
    mods = prov.get('modules')
    if not mods: return ['recorded before module hashes: regenerate']
    out = []
    for name, h in sorted(mods.items()):
        f = module_file(name)
        if not f.exists(): out.append(f'{name} is gone')
        elif source_hash(f) != h: out.append(f'{name} changed')
    return out

def writers(name:str)->list[str]:
    "Notebooks and CI scripts that name the results file `name`, or the start of its name (who probably wrote it)"
    files = [p for p in sorted(NBS.glob('*.ipynb')) + sorted((root / '.ci').glob('*.py')) if p.name != Path(__file__).name]
    texts = {p: p.read_text(encoding='utf-8') for p in files}
    for key in (name, re.split(r'[-_]\d|_(?:bf16|fp32|fp16)', name)[0]):  # an f-string may name only the start of the name
        if found := [str(p.relative_to(root)) for p, t in texts.items() if key in t]: return found
    return []

def results_table(source_hash)->list[dict]:
    "One row per file of results/: its provenance and whether it is fresh"
    rows = []
    for f in sorted(RESULTS.iterdir()):
        if not f.is_file(): continue
        row = dict(file=f.name, reasons=[], command=None, date=None, commit=None, dirty=None)
        if f.suffix == '.json':
            try: provs = list(provenances(json.loads(f.read_text())))
            except ValueError as e: provs, row['reasons'] = [], [f'not valid JSON ({e})']
            if not provs and not row['reasons']: row['reasons'] = ['no provenance']
            for where, p in provs:
                row['reasons'] += [f'{where}: {r}' if len(provs) > 1 else r for r in stale_reasons(p, source_hash)]
            if provs:
                p = provs[0][1]
                row |= dict(command=p.get('command'), date=p.get('date'), commit=p.get('commit'),
                            dirty=p.get('dirty', None if p.get('commit') is None else str(p['commit']).endswith('+changes')))
        elif f.name in DRAWN_FROM:
            src, how = DRAWN_FROM[f.name]
            row['command'] = how
            if not (RESULTS / src).exists(): row['reasons'] = [f'drawn from {src}, which is missing']
            else:
                try: same = redraw(RESULTS / src) == f.read_bytes()
                except Exception as e: row['reasons'] = [f'could not draw it again from {src} ({type(e).__name__}: {e})']
                else:
                    if not same: row['reasons'] = [f'differs from the plot drawn from {src} now (another run, or another matplotlib): '
                                                   'draw it again']
        else: row['reasons'] = ['not JSON, and not drawn from a JSON file of results/ (DRAWN_FROM): draw it from one, or remove it']
        rows.append(row)
    by = {r['file']: r for r in rows}
    for r in rows:  # a drawn file is as fresh as its JSON
        src = DRAWN_FROM.get(r['file'], (None,))[0]
        if src in by and by[src]['reasons']: r['reasons'] = [f'drawn from {src}, which is stale']
    return rows

# ---------------------------------------------------------------- quoted figures
NUM = r'(\d+(?:\.\d+)?)'
FIGURES = [  # (kind, pattern): group 1 is the figure
    ('ratio', rf'(?<![\w.]){NUM}\s?[x×](?![\w])'),                          # 1.48x, 2 ×
    ('ratio', rf'(?<![\w.])[x×]{NUM}(?![\w.])'),                            # x1.25
    ('speed', rf'(?<![\w.]){NUM}\s?(?:tok/s|tokens/s|tokens per second|tokens/second)'),
    ('tau', rf'(?:\btau|τ)\s*(?:=|:|of|is)?\s*{NUM}'),
    ('per_round', rf'(?<![\w.]){NUM}\s(?:accepted\s)?tokens per (?:round|verify|forward)'),
    ('ms', rf'(?<![\w.]){NUM}\s?(?:ms|milliseconds)\b'),
    ('s', rf'(?<![\w.]){NUM}\s?(?:s|sec|seconds)\b(?!-)'),
    ('min', rf'(?<![\w.]){NUM}\s?(?:min|minutes)\b'),
    ('h', rf'(?<![\w.]){NUM}\s?(?:h|hours)\b'),
    ('ratio', rf'(?:speed-?ups?|acceptance(?: rate)?|efficiency)\s*(?:of|=|:|is|at)?\s*(?:about |around |~)?{NUM}(?![\d%x×])'),
    ('percent', rf'(?<![\w.]){NUM}\s?%'),
]
SPEED_WORDS = re.compile(r'faster|slower|speed|overhead|throughput|latency|tokens/s|\btime\b|\bgain', re.I)
SOURCES = ['Medusa', 'Scylla', 'SpecInfer', 'Leviathan', 'Hydra', 'Lookahead',
           "vLLM's documentation", "vLLM's docs", "SGLang's documentation"]
CITATION = re.compile(r'\]\(https?://|https?://|\bet al\.|\barXiv\b|\bpaper\b|' + '|'.join(map(re.escape, SOURCES)))
# what a figure of each kind may be in a file: the number itself, or in other units
SCALES = dict(percent=(100, 1), ms=(1e3, 1), min=(1 / 60, 1), h=(1 / 3600, 1))

def numbers(d):
    "Every number in a JSON value"
    if isinstance(d, bool): return
    if isinstance(d, (int, float)): yield float(d)
    elif isinstance(d, dict):
        for v in d.values(): yield from numbers(v)
    elif isinstance(d, list):
        for v in d: yield from numbers(v)

def results_numbers()->list[float]:
    "The sorted numbers of every JSON file of results/"
    found = set()
    for f in RESULTS.glob('*.json'):
        try: found.update(numbers(json.loads(f.read_text())))
        except ValueError: pass
    return sorted(found)

def in_results(figure:str, kind:str, index:list[float])->bool:
    "Whether a number of `index`, in a unit `kind` allows, rounds to `figure` at its printed precision"
    value, digits = float(figure), len(figure.split('.')[1]) if '.' in figure else 0
    tol = 0.5 * 10 ** -digits + 1e-9
    for scale in SCALES.get(kind, (1,)):
        lo, hi = (value - tol) / scale, (value + tol) / scale
        i = bisect_left(index, min(lo, hi))
        if i < len(index) and index[i] <= max(lo, hi): return True
    return False

def prose(text:str)->str:
    "Markdown without inline code, math and link targets (figures there are code, formulas or addresses)"
    text = re.sub(r'`[^`\n]*`', '``', text)
    text = re.sub(r'\$\$.*?\$\$|\$[^$\n]*\$', '$$', text, flags=re.S)
    return re.sub(r'\]\(([^)]*)\)', lambda m: '](http)' if m[1].startswith('http') else ']()', text)

def sentences(text:str):
    "Sentences of a markdown text: each paragraph, heading or list item with its lines joined, split after . ! ? : ;"
    for block in re.split(r'\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s|#)', text):
        yield from (s for s in re.split(r'(?<=[.!?:;])\s+(?=[A-Z(*`-])', ' '.join(block.split())) if s.strip())

def readme_prose(text:str)->str:
    "README.md without its fenced code blocks and indented output blocks"
    text = re.sub(r'^```.*?^```', '', text, flags=re.S | re.M)
    return '\n'.join(l for l in text.splitlines() if not l.startswith('    '))

def sources():
    "(place, markdown) of the prose the check reads"
    readme = root / 'README.md'
    if readme.exists(): yield 'README.md', readme_prose(readme.read_text(encoding='utf-8'))
    for nb in sorted(NBS.glob('*.ipynb')):
        for cell in json.loads(nb.read_text(encoding='utf-8'))['cells']:
            if cell['cell_type'] == 'markdown':
                yield f"{nb.relative_to(root)} cell {cell.get('id')}", ''.join(cell['source'])

def quoted_figures(index:list[float]):
    "(place, figure, kind, sentence, status) of every performance figure in the prose; status: 'found', 'cited' or 'unfound'"
    for place, text in sources():
        for s in sentences(prose(text)):
            seen = set()
            for kind, pat in FIGURES:
                for m in re.finditer(pat, s, re.I):
                    if m.start(1) in seen: continue
                    seen.add(m.start(1))
                    if kind == 'percent' and not SPEED_WORDS.search(s): continue
                    status = 'cited' if CITATION.search(s) else 'found' if in_results(m[1], kind, index) else 'unfound'
                    yield place, m[0].strip(), kind, s.strip(), status

# ---------------------------------------------------------------- main
def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--enforce', action='store_true', help='exit 1 if a results file is stale or stray, or a quoted figure is not in results/')
    p.add_argument('--list', action='store_true', help='print a table of every results file and exit')
    p.add_argument('--verbose', action='store_true', help='also list the quoted figures found in results/ or cited')
    a = p.parse_args(argv)
    rows = results_table(_store().source_hash)
    if a.list:
        cols = ('file', 'status', 'date', 'commit', 'dirty', 'command')
        cells = [[r['file'], 'stale' if r['reasons'] else 'fresh', (r['date'] or '-')[:16], r['commit'] or '-',
                  '-' if r['dirty'] is None else 'dirty' if r['dirty'] else 'clean', r['command'] or '(no command recorded)'] for r in rows]
        w = [max(len(str(c[i])) for c in cells + [list(cols)]) for i in range(len(cols) - 1)]
        for c in [list(cols)] + cells: print('  '.join(str(x).ljust(n) for x, n in zip(c, w)) + '  ' + c[-1])
        return 0
    problems = 0
    stale = [r for r in rows if r['reasons']]
    print(f"results/: {len(rows)} files, {len(stale)} stale or stray")
    for r in stale:
        problems += 1
        written = r['command'] or f"no command recorded; named in {', '.join(writers(r['file'])) or 'no notebook or CI script'}"
        print(f"  STALE results/{r['file']}: {'; '.join(r['reasons'])}\n        rewrite it with: {written}")
    figs = list(quoted_figures(results_numbers()))
    unfound = [f for f in figs if f[-1] == 'unfound']
    print(f"\nperformance figures in the prose of README.md and the notebooks: {len(figs)}, "
          f"{sum(f[-1] == 'cited' for f in figs)} cited, {len(unfound)} not found in results/")
    for place, fig, kind, s, status in figs:
        if status == 'unfound' or a.verbose:
            problems += status == 'unfound'
            print(f"  {status.upper():7s} {place}: {fig!r} in \"{s[:160]}{'...' if len(s) > 160 else ''}\"")
    if problems and a.enforce:
        print(f"\n{problems} problems: regenerate the stale files with the commands above; print quoted figures from results files")
        return 1
    return 0

if __name__ == '__main__': sys.exit(main())
