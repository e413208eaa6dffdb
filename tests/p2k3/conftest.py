"""The signing head of tests/decrees, for the head's approval here."""

import pytest
from django.core.cache import cache

from tests.decrees.conftest import archive, authority, signer

__all__ = ["archive", "authority", "fresh_codes", "signer"]


@pytest.fixture(autouse=True)
def fresh_codes() -> None:
    """Each authenticator code counts once; a test must not see another's."""
    cache.clear()
