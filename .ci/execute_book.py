"""Execute the book's notebooks in place, so that they are committed with their outputs.

    python .ci/execute_book.py [NOTEBOOK ...] [--slow] [--gpu]

Cells flagged `#| slow` are not run unless --slow, and cells flagged `#| gpu` unless --gpu: they keep the outputs
of the run that last executed them, and the cells after them read their figures from files under results/. Stops
at the first exception, leaving that notebook unwritten. Afterwards run `nbdev_clean` (it keeps outputs, strips metadata)."""
import os, re, sys, time
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell

FLAGS = dict(slow=re.compile(r'^#\|\s*slow\b', re.M), gpu=re.compile(r'^#\|\s*gpu\b', re.M))

def execute(path:Path, slow:bool=False, gpu:bool=False):
    nb = read_nb(path)
    run = dict(slow=slow, gpu=gpu)
    skip = lambda cell: (cell.cell_type != 'code' or 'nbdev_export(' in cell.source
                         or any(flag.search(cell.source) and not run[k] for k, flag in FLAGS.items()))
    for cell in nb.cells:  # a cell that runs keeps only what it prints now (execnb leaves a silent cell's old outputs)
        if not skip(cell): cell['outputs'] = []
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
    args = [a for a in sys.argv[1:] if a not in ('--slow', '--gpu')]
    root = Path(__file__).resolve().parents[1] / 'nbs'
    paths = [Path(a).resolve() for a in args] or sorted(p for p in root.glob('[0-9]*.ipynb'))
    for p in paths: execute(p, slow='--slow' in sys.argv, gpu='--gpu' in sys.argv)
