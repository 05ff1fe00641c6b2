"""Tests see plancheck's defaults, whatever the shell running them sets."""
import pytest


@pytest.fixture(autouse=True)
def _default_language(monkeypatch):
    monkeypatch.delenv("PLANCHECK_LANG", raising=False)


@pytest.fixture(autouse=True, scope="session")
def _rule_cache_of_the_session(tmp_path_factory):
    """Validated rule packs are cached for the session in a folder of its own, not the user's."""
    import os

    folder = tmp_path_factory.mktemp("plancheck-cache")
    previous = os.environ.get("PLANCHECK_CACHE_DIR")
    os.environ["PLANCHECK_CACHE_DIR"] = str(folder)
    yield
    if previous is None:
        os.environ.pop("PLANCHECK_CACHE_DIR", None)
    else:
        os.environ["PLANCHECK_CACHE_DIR"] = previous
