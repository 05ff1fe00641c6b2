"""Where a rule's documentation lives: its section of the rule reference (docs/rules.md, written
by ``plancheck rules --format markdown``), linked from SARIF (helpUri), the HTML report and the
rule code on a terminal.

The reference is found, in this order: the configuration's ``rules-url`` (a team that publishes
the reference, or keeps it on an intranet, names it there); the installed package's
``Project-URL: Rules`` (pyproject's [project.urls]); the docs/rules.md of the checkout plancheck
runs from (the README's editable install). Without any of them there is no link, never a guess.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


def anchor(rule_id: str) -> str:
    """The rule's anchor in the reference: its id in lower case ("pc101")."""
    return rule_id.lower()


@lru_cache(maxsize=8)
def reference(configured: str | None = None) -> str | None:
    """The rule reference's address, or None when none is known."""
    if configured:
        return configured.split("#")[0]
    from importlib import metadata

    try:
        for entry in metadata.metadata("plancheck").get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() == "rules" and url.strip():
                return url.strip()
    except metadata.PackageNotFoundError:   # run from a source tree without installing
        pass
    checkout = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    return checkout.as_uri() if checkout.is_file() else None


def rule_url(rule_id: str, base: str | None) -> str | None:
    """A rule's section of the reference at ``base``; None without a reference."""
    return f"{base}#{anchor(rule_id)}" if base else None


def rule_links(rules, configured: str | None = None) -> dict[str, str]:
    """Each rule's link, by id: every rule's into a reference the configuration names (a team
    that publishes its reference lists its own packs' rules there too); else plancheck's own
    rules' only, into plancheck's reference (a team's pack has no section there)."""
    base = reference(configured)
    if base is None:
        return {}
    if configured:
        return {r.id: rule_url(r.id, base) for r in rules}
    from .engine import default_pack_paths

    own = {str(p.resolve()) for p in default_pack_paths()}
    return {r.id: rule_url(r.id, base) for r in rules if r.pack and str(Path(r.pack).resolve()) in own}
