"""Execute the book's notebooks in place, so that they are committed with their outputs.

    python .ci/execute_book.py [NOTEBOOK ...] [--slow]

Cells flagged `#| slow` or `#| gpu` are not run (unless --slow): they keep the outputs of the run that last
executed them, which read their figures from files under results/. Stops at the first exception, leaving
that notebook unwritten. Afterwards run `nbdev_clean` (it keeps outputs, strips metadata)."""
import os, re, sys, time
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell

FLAG = re.compile(r'^#\|\s*(slow|gpu)\b', re.M)

def execute(path:Path, slow:bool=False):
    nb = read_nb(path)
    skip = lambda cell: cell.cell_type != 'code' or 'nbdev_export(' in cell.source or (not slow and FLAG.search(cell.source))
    shell, start, cwd = CaptureShell(path), time.time(), os.getcwd()
    os.chdir(path.parent)
    try: shell.run_all(nb, exc_stop=True, preproc=skip)
    finally: os.chdir(cwd)
    for cell in nb.cells:  # widget views are not committed: their state is not saved with the notebook
        for out in cell.get('outputs', []):
            if 'data' in out: out['data'].pop('application/vnd.jupyter.widget-view+json', None)
    write_nb(nb, path)
    print(f"{path.name}: {time.time() - start:.0f} s")

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if a != '--slow']
    root = Path(__file__).resolve().parents[1] / 'nbs'
    paths = [Path(a).resolve() for a in args] or sorted(p for p in root.glob('[0-9]*.ipynb'))
    for p in paths: execute(p, slow='--slow' in sys.argv)
