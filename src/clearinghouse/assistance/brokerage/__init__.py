"""The brokerage engine: a pure package (no Django) that allocates offers to requests.

Model v1 is documented in docs/brokerage.md. ``problem`` reads and checks a problem,
``rules`` holds compatibility, fit and weight, ``greedy`` is the baseline allocator and
``checker`` verifies any solution independently of the code that made it.
"""
