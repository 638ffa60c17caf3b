"""``ascenso-kg bench``: the build, validation, endpoint, pages, dumps and cold start measured against what a user
would run instead (``oxigraph load``, ``oxigraph serve-read-only``, rdflib-endpoint, a static file server).

Every ratio comes from runs interleaved in one session (A, B, A, B…) and is reported as a median with its min and
max; ``scorecard`` writes the table as Markdown and ``bench/results/latest.json``.
"""
