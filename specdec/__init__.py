__version__ = "0.1.0"

# The light core, imported at once: the generator and the drafters that need no training.
from .generator import SpeculativeGenerator
from .drafters import Drafter, DraftModel
from .lookup import PromptLookup

# The rest of the public names load from their module only when first used, so `import specdec` imports neither
# the model builders (GGUF conversion, toy-pair and EAGLE training) nor plotting or widgets.
_LAZY = {'load_model': 'specdec.models', 'load_pair': 'specdec.models', 'EagleDrafter': 'specdec.eagle',
         'StaticTree': 'specdec.trees', 'DynamicTree': 'specdec.trees', 'TheoryK': 'specdec.schedule',
         'SpeculativeOutput': 'specdec.generator', 'truncated_copy': 'specdec.drafters',
         'SuffixLookup': 'specdec.suffix', 'SuffixTrie': 'specdec.suffix'}

__all__ = ['SpeculativeGenerator', 'Drafter', 'DraftModel', 'PromptLookup', *_LAZY]

def __getattr__(name):
    "A public name of `_LAZY`, imported from its module on first use"
    if name not in _LAZY: raise AttributeError(f"module 'specdec' has no attribute {name!r}")
    import importlib
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value

def __dir__(): return sorted(set(globals()) | set(_LAZY))
