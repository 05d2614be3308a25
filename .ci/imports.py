#!/usr/bin/env python
"""The package's import graph has no cycle, and `import specdec` stays light.

Reads every `import` of specdec/*.py (module level and inside functions; `_modidx.py` aside) and fails, printing the
cycle, if the modules of the package import each other in a circle. A shim's forwards are strings that
`specdec.moved.forward` imports on demand, so they add no edge. Then runs `import specdec` in a fresh Python and fails
if it loaded a heavy optional package or a training module. Exit 0 and one line on success.
"""
import ast, json, subprocess, sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / 'specdec'
HEAVY = ('gguf', 'matplotlib', 'ipywidgets', 'specdec.eagle_train', 'specdec.toy', 'specdec.gguf_models')

def module_name(path: Path) -> str: return 'specdec' if path.name == '__init__.py' else f'specdec.{path.stem}'

def imported(tree: ast.AST, here: str, modules: set) -> set:
    "The specdec modules that the code in `tree` (module `here`) imports, at any depth"
    pkg = 'specdec'
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name == pkg or a.name.startswith(pkg + '.')}
        elif isinstance(node, ast.ImportFrom):
            if node.level: base = pkg if node.level == 1 else None  # specdec is one flat package
            else: base = node.module if node.module and (node.module == pkg or node.module.startswith(pkg + '.')) else None
            if base is None: continue
            if node.level and node.module: base = f'{pkg}.{node.module}'
            if base == pkg:  # `from . import x` / `from specdec import x`: a submodule x, or a name of the package itself
                subs = {f'{pkg}.{a.name}' for a in node.names if f'{pkg}.{a.name}' in modules}
                found |= subs or {pkg}
            else: found.add(base)
    found.discard(here)
    return {m for m in found if m in modules}

def graph() -> dict:
    files = [p for p in sorted(PKG.glob('*.py')) if p.name != '_modidx.py']
    modules = {module_name(p) for p in files}
    return {module_name(p): imported(ast.parse(p.read_text(encoding='utf-8')), module_name(p), modules) for p in files}

def find_cycle(g: dict) -> list | None:
    "One cycle of `g` as a list of modules (first == last), or None"
    state, stack = {}, []
    def visit(m):
        state[m] = 'open'; stack.append(m)
        for n in sorted(g[m]):
            if state.get(n) == 'open': return stack[stack.index(n):] + [n]
            if n not in state and (c := visit(n)): return c
        state[m] = 'done'; stack.pop()
        return None
    for m in sorted(g):
        if m not in state and (c := visit(m)): return c
    return None

def heavy_loaded() -> list:
    "The `HEAVY` modules that a fresh `import specdec` loads"
    code = 'import json, sys, specdec; print(json.dumps(sorted(sys.modules)))'
    out = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, cwd=PKG.parent)
    if out.returncode: sys.exit(f"imports: `import specdec` failed:\n{out.stderr}")
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    return [m for m in HEAVY if m in loaded]

if __name__ == '__main__':
    g = graph()
    if cycle := find_cycle(g): sys.exit('imports: cycle ' + ' -> '.join(cycle))
    if heavy := heavy_loaded(): sys.exit(f"imports: `import specdec` loads {', '.join(heavy)}")
    print(f"imports: {len(g)} modules, no cycle")
