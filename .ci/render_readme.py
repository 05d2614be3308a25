"""Render nbs/index.ipynb to README.md without Quarto: run it with execnb, drop `#| hide` cells and
nbdev directives, and write markdown cells, code cells and their text outputs. Usage: python .ci/render_readme.py"""
import os
from pathlib import Path
from execnb.nbio import read_nb
from execnb.shell import CaptureShell

root = Path(__file__).resolve().parent.parent
nb = read_nb(root/'nbs'/'index.ipynb')
os.chdir(root/'nbs')  # as nbdev_test runs it: paths in the notebook are relative to nbs/
CaptureShell(path=root/'nbs').run_all(nb, exc_stop=True)

def is_directive(line): return line.lstrip().startswith('#|')

def text_of(output):
    if output.get('output_type') == 'stream': return ''.join(output.get('text', ''))
    data = output.get('data', {})
    return ''.join(data.get('text/plain', ''))

parts = []
for cell in nb.cells:
    src = cell.source if isinstance(cell.source, str) else ''.join(cell.source)
    if any(l.strip() in ('#| hide', '#|hide') for l in src.splitlines()): continue
    if cell.cell_type == 'markdown':
        parts.append(src)
    elif cell.cell_type == 'code':
        code = '\n'.join(l for l in src.splitlines() if not is_directive(l)).strip()
        if code: parts.append(f"```python\n{code}\n```")
        outs = ''.join(text_of(o) for o in cell.get('outputs', [])).strip()
        if outs: parts.append('\n'.join('    ' + l for l in outs.splitlines()))
(root/'README.md').write_text('\n\n'.join(parts) + '\n')
print('wrote README.md')
