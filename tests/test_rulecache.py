"""Validated rule packs cached between runs: used when the pack is unchanged, never when it
changed, and a cache that cannot be used costs nothing but the time."""
from __future__ import annotations

import pytest

from plancheck import rulecache
from plancheck.engine import load_pack
from plancheck.errors import RulePackError

PACK = """\
pack: mine
rules:
  - id: PC990
    slug: my-structure-sum
    category: shares
    severity: error
    kind: structure_sum
    message: {vi: "Tổng {total}", en: "Sum {total}"}
    doc: {what: A structure sums to its total, why: Shares of one whole}
    examples:
      fires: ["Cơ cấu kinh tế năm 2024: nông nghiệp 20%, công nghiệp 30%, dịch vụ 40%, thuế sản phẩm 20%."]
      passes: ["Cơ cấu kinh tế năm 2024: nông nghiệp 20%, công nghiệp 30%, dịch vụ 40%, thuế sản phẩm 10%."]
"""


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("PLANCHECK_NO_CACHE", raising=False)
    return folder


def test_an_unchanged_pack_comes_from_the_cache(tmp_path, cache, monkeypatch):
    pack = tmp_path / "mine.yaml"
    pack.write_text(PACK, encoding="utf-8")
    first = load_pack(pack)
    assert len(list(cache.glob("pack-*.pickle"))) == 1

    def unread(*_):
        raise AssertionError("the pack was read again")

    monkeypatch.setattr("plancheck.engine._read_pack", unread)
    assert load_pack(pack) == first


def test_a_changed_pack_is_read_and_validated_again(tmp_path, cache):
    pack = tmp_path / "mine.yaml"
    pack.write_text(PACK, encoding="utf-8")
    assert load_pack(pack)[0].severity.value == "error"
    pack.write_text(PACK.replace("severity: error", "severity: warning") + "\n", encoding="utf-8")
    assert load_pack(pack)[0].severity.value == "warning"
    pack.write_text(PACK.replace("kind: structure_sum", "kind: no_such_kind") + "\n\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="unknown check kind"):
        load_pack(pack)


def test_a_cache_that_cannot_be_used_is_passed_over(tmp_path, monkeypatch):
    pack = tmp_path / "mine.yaml"
    pack.write_text(PACK, encoding="utf-8")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(blocked / "cache"))   # cannot be made
    assert [r.id for r in load_pack(pack)] == ["PC990"]
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(tmp_path / "cache"))
    load_pack(pack)
    [entry] = (tmp_path / "cache").glob("pack-*.pickle")
    entry.write_bytes(b"\x80\x04 broken")
    assert [r.id for r in load_pack(pack)] == ["PC990"]
    monkeypatch.setenv("PLANCHECK_NO_CACHE", "1")
    assert rulecache.folder() is None
