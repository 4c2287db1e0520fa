"""The MkDocs-free core of werkwijze: sources -> model -> validate -> render -> site.

Nothing in this package may import MkDocs, and each stage imports only earlier ones
(`tests/test_architecture.py` checks both). The package itself loads nothing: import what
you need from its stage, e.g. `werkwijze.core.validate.load.load_manual`.
"""
