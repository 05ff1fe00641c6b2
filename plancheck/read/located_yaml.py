"""YAML (and JSON) with source positions kept, for plan files and rule packs.

PyYAML's composer knows where every node starts; its constructor forgets. We
compose the node tree ourselves and build plain Python containers plus a map
from each value's path (("indicators", 3, "values", "KH2024")) to its line and
column, so that a bad field or a finding can point at the line that holds it.
Scalars stay text as written ("7,50", not 7.5): numbers are parsed later,
by plancheck.numbers, in the Vietnamese convention.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import InputError
from ..i18n import _, number
from ..lazyre import lazy_compile

Path_ = tuple[str | int, ...]


@dataclass
class LocatedTree:
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # Scalars that JSON wrote as numbers (machine numbers: "." is the decimal mark).
    json_numbers: set[Path_] = field(default_factory=set)

    def position(self, path: Path_) -> tuple[int, int]:
        """Line and column (1-based) of the value at path, or of its nearest parent."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


# libyaml's parser when PyYAML has it (its wheels do): ten times faster than the pure-Python one,
# which matters for rule packs read at every start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_BOOL = {"true": True, "false": False, "yes": True, "no": False}
# Values a file may build again through aliases (*name): real plan files and the shipped rule
# packs build none or a few; 200,000 cost about 100 MB and a second.
MAX_VALUES = 200_000
# The values a file may hold of its own (aliases aside): a 40,000-row plan holds about 400,000;
# the file size limit (max-file-size) comes first for anything much larger.
MAX_OWN_VALUES = 1_000_000
# A number in JSON's grammar (YAML 1.1 would call "1e3" or "1.5e3" a string).
_JSON_NUMBER = lazy_compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def nfc(text: str) -> str:
    """Text in NFC, the form documents are read in: a file typed on a Mac writes "Dưới" in NFD
    (letters and their marks apart), where neither a number's qualifier nor a period's id would
    be recognised."""
    return text if text.isascii() or unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def nfc_data(data: Any) -> Any:
    """Mappings, lists and text of loaded data (the API's plan mapping) in NFC, as nfc."""
    if isinstance(data, str):
        return nfc(data)
    if isinstance(data, dict):
        return {nfc(k) if isinstance(k, str) else k: nfc_data(v) for k, v in data.items()}
    if isinstance(data, list):
        return [nfc_data(v) for v in data]
    return data


def load_located(text: str, source: str, *, json_source: bool = False) -> LocatedTree:
    """Parse YAML or JSON text; raise InputError with the line of a syntax error."""
    if json_source and not text.strip():
        return LocatedTree(None)  # empty, as an empty YAML file is
    if json_source:
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(_("invalid JSON: {msg}").format(msg=exc.msg), source, exc.lineno, exc.colno) from None
        except RecursionError:
            raise InputError(_("nested too deeply"), source) from None
        # Valid JSON has tabs only between tokens (a tab in a string is an
        # escape), where YAML refuses them; a space keeps every column.
        text = text.replace("\t", " ")
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(_("invalid {syntax}: {problem}")
                         .format(syntax='JSON' if json_source else 'YAML', problem=problem), source, line, col) from None
    except yaml.YAMLError as exc:
        raise InputError(_("invalid YAML: {exc}").format(exc=exc), source) from None
    except RecursionError:
        raise InputError(_("nested too deeply"), source) from None
    tree = LocatedTree(None)
    if root is None:
        return tree
    try:
        tree.data = _build(root, (), tree, json_source, source, _Budget())
    except RecursionError:
        raise InputError(_("nested too deeply"), source) from None
    return tree


class _Budget:
    """What a file may build. An alias (*name) builds its anchor's values again, so a few hundred
    bytes of nested aliases would build billions of them: values built again through aliases are
    counted against MAX_VALUES. The file's own values are counted apart, against MAX_OWN_VALUES:
    a long plan is no bomb, and is told so in its own words."""

    __slots__ = ("again", "own", "seen")

    def __init__(self) -> None:
        self.again = self.own = 0
        self.seen: set[int] = set()   # the nodes built once: another build of one is an alias's

    def spend(self, node: yaml.Node, source: str) -> None:
        if id(node) not in self.seen:
            self.seen.add(id(node))
            self.own += 1
            if self.own > MAX_OWN_VALUES:
                raise InputError(_("refused: holds more than {limit} values; a plan file holds a few thousand "
                                   "(split a larger one by year or by province)")
                                 .format(limit=number(MAX_OWN_VALUES)), source,
                                 node.start_mark.line + 1, node.start_mark.column + 1)
            return
        self.again += 1
        if self.again > MAX_VALUES:
            raise InputError(_("refused: builds more than {max_values} values (aliases *name repeat what their anchor holds); a YAML bomb, or not a plan file")
                             .format(max_values=number(MAX_VALUES)), source,
                             node.start_mark.line + 1, node.start_mark.column + 1)


def _build(node: yaml.Node, path: Path_, tree: LocatedTree, json_source: bool, source: str,
           budget: _Budget, _open: frozenset[int] = frozenset()) -> Any:
    budget.spend(node, source)
    tree.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    # Node kinds by their `id`, not their class: libyaml's parser builds nodes of the classes
    # yaml.nodes had when it was first imported, which a reloaded yaml module no longer has.
    if node.id in ("mapping", "sequence"):
        if id(node) in _open:  # "a: &x [*x]": an alias inside its own anchor
            raise InputError(_("an alias (*name) refers to a node that contains it"), source,
                             node.start_mark.line + 1, node.start_mark.column + 1)
        _open = _open | {id(node)}
    if node.id == "mapping":
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                raise InputError(_("a mapping key must be plain text"), source,
                                 key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            key = nfc(key_node.value)
            if key in out:
                raise InputError(_("duplicate key {key!r}").format(key=key), source,
                                 key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = _build(value_node, path + (key,), tree, json_source, source, budget, _open)
            if value_node.id != "scalar":
                # A block below a key is best pointed at by the key's own line.
                tree.positions[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return out
    if node.id == "sequence":
        return [_build(item, path + (i,), tree, json_source, source, budget, _open)
                for i, item in enumerate(node.value)]
    # Scalars: keep the text (NFC, as documents are read); only null and booleans mean something else.
    text = nfc(node.value)
    if not node.style:  # plain (unquoted) scalar: None from PyYAML's parser, "" from libyaml's
        if text in ("", "~", "null", "Null", "NULL"):
            return None
        if text.lower() in _BOOL and node.tag.endswith(":bool"):
            return _BOOL[text.lower()]
        if json_source and _JSON_NUMBER.fullmatch(text):
            tree.json_numbers.add(path)
    return text
