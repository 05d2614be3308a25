"""Time the README's install and test commands, as `.ci/run` runs them, and add them to results/readme_times.json.

    python .ci/time_setup.py

In a fresh venv under a scratch folder: `pip install torch==2.13.0` (the CPU wheel; on a machine that reaches
download.pytorch.org the README adds `--index-url`), `pip install -e ".[dev]"`, then the README's test command,
`OMP_NUM_THREADS=1 nbdev_test --n_workers 2`, in this checkout. The `specdec-...` commands are timed by the last
cell of nbs/09f_cli.ipynb; this script replaces only its own entries in the file."""
import json, os, subprocess, sys, tempfile, time
from pathlib import Path

root = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(root))
from specdec.store import provenance
venv = Path(tempfile.mkdtemp()) / 'venv'

def timed(command:str, argv:list, how:str, **kw):
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, **kw)
    if done.returncode: sys.exit(f"{command} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return dict(command=command, seconds=time.perf_counter() - start, how=how, returncode=0, tail=done.stdout.splitlines()[-2:])

subprocess.run([sys.executable, '-m', 'venv', str(venv)], check=True)
pip, load = str(venv / 'bin' / 'pip'), os.getloadavg()[0]
path = root / 'results' / 'readme_times.json'
def record(rows):  # replaces only this script's entries; the README's test command reads the file too, so it is written before the tests
    res = json.loads(path.read_text())
    res['setup'] = dict(provenance=provenance(), load_average=load, commands=rows)
    path.write_text(json.dumps(res, indent=1) + '\n')
rows = [timed('pip install torch==2.13.0', [pip, 'install', '-q', 'torch==2.13.0'], 'timed in a fresh venv (the CPU wheel)'),
        timed('pip install -e ".[dev]"', [pip, 'install', '-q', '-e', '.[dev]'], 'timed in a fresh venv, after torch', cwd=root)]
record(rows)
rows.append(timed('OMP_NUM_THREADS=1 nbdev_test --n_workers 2', [str(venv / 'bin' / 'nbdev_test'), '--n_workers', '2'],
                  'timed by running it in this checkout', cwd=root, env=os.environ | dict(OMP_NUM_THREADS='1')))
record(rows)
for r in rows: print(f"{r['seconds']:6.0f} s  {r['command']}")
