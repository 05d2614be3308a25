__version__ = "0.1.0"

from .generator import SpeculativeGenerator
from .drafters import Drafter, DraftModel
from .lookup import PromptLookup
from .real import load_model
from .zoo import load_pair
from .eagle import EagleDrafter
