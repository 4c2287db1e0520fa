"""The MkDocs-free core: element model, loading, validation, graph and rendering.

Nothing in this package may import MkDocs; `tests/test_architecture.py` checks it.
"""
from .model.manual import Manual, load_manual
from .problems import Problem, ContentError

__all__ = ["Manual", "load_manual", "Problem", "ContentError"]
