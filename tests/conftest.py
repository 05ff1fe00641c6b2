"""Tests see plancheck's defaults, whatever the shell running them sets."""
import pytest


@pytest.fixture(autouse=True)
def _default_language(monkeypatch):
    monkeypatch.delenv("PLANCHECK_LANG", raising=False)
