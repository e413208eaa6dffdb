"""Environment defaults for a test run, loaded by pytest before Django.

pyproject's pytest options load this module with ``-p`` so that a developer
can type ``pytest`` without exporting anything. Values already in the
environment (for example ``DATABASE_URL`` from .ci/run) win.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "insecure-key-for-tests-only")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("SIKEJAR_TESTING", "1")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
