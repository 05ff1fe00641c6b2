"""Tests see plancheck's defaults, whatever the shell running them sets."""
import pytest


@pytest.fixture(autouse=True)
def _default_language(monkeypatch):
    """Vietnamese, plancheck's default, whatever language the shell or the locale asks for."""
    from plancheck import i18n

    for name in ("PLANCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    i18n.use("vi")


@pytest.fixture
def english(monkeypatch):
    """For tests that assert the English text of a message (its Vietnamese is tested in
    test_i18n): the run's language, and that of a command run by the test, English."""
    from plancheck import i18n

    monkeypatch.setenv("PLANCHECK_LANG", "en")
    i18n.use("en")


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
