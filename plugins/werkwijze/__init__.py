"""werkwijze: turns a folder of element files into a validated practice manual.

`werkwijze.core` holds everything that does not need MkDocs (loading, validation,
the reference graph, rendering to Markdown/HTML/JSON); `werkwijze.plugin` adapts it
to MkDocs' events and `werkwijze.cli` to the command line.
"""
