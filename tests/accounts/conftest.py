import pytest


@pytest.fixture(autouse=True)
def _english(settings) -> None:
    """Pages in English, so that tests can read what they say."""
    settings.LANGUAGE_CODE = "en"
