"""Publishing a manual: what `werkwijze publiceer` (and `make build`, `make pdf`,
`make publish`) does after the engine has built the pages.

Outside the core on purpose: it runs the engine, git and a browser, and it post-processes
built HTML (edition notices, the Content-Security-Policy), none of which the core may do.
The stages, in the order `publisher.publish()` runs them:

    engine      build one tree into a folder (the manual's config plus an overlay)
    editions    git tags of editions, their checks and checkouts
    pdf         print PDFs of a built site with headless Chromium
    edition_pages  notices, canonicals and sitemaps of the frozen editions
    csp         the Content-Security-Policy, as a <meta> in every page and as a header value
    linkcheck   every address the published folder prints must exist in it
"""
