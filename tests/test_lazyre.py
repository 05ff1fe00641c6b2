"""plancheck.lazyre: module patterns compiled on first use (issue 24: compiling every pattern
at import was a third of a short file's run)."""
import re
import types

from plancheck.lazyre import LazyPattern


def _module(name: str, source: str) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(source, module.__dict__)
    return module


def test_a_pattern_is_compiled_when_first_used_and_then_is_a_plain_pattern_in_its_module():
    home = _module("home", "from plancheck.lazyre import lazy_compile\n"
                           "YEAR = lazy_compile(r'năm\\s+(\\d{4})', 2)\n"   # re.IGNORECASE
                           "def year(text):\n    m = YEAR.search(text)\n    return m and m.group(1)\n")
    assert isinstance(home.YEAR, LazyPattern)   # not compiled by the import
    assert home.year("Kế hoạch NĂM 2026") == "2026"
    assert isinstance(home.YEAR, re.Pattern) and home.YEAR.flags & re.IGNORECASE


def test_a_module_that_imported_the_stand_in_gets_the_pattern_on_its_first_use():
    home = _module("home", "from plancheck.lazyre import lazy_compile\nDIGITS = lazy_compile(r'\\d+')\n")
    user = _module("user", "def digits(text):\n    return DIGITS.findall(text)\n")
    user.DIGITS = home.DIGITS                  # as "from home import DIGITS" binds it
    assert user.digits("12 ha, 3 xã") == ["12", "3"]
    assert isinstance(user.DIGITS, re.Pattern) and isinstance(home.DIGITS, re.Pattern)
    held = [LazyPattern(r"\d", 0, {})]         # held where no module name binds it: it forwards
    assert held[0].findall("a1b2") == ["1", "2"] and isinstance(held[0], LazyPattern)


def test_a_bad_pattern_fails_where_it_is_used_with_re_s_error():
    bad = LazyPattern(r"(unclosed", 0, {})
    try:
        bad.search("x")
    except re.error as exc:
        assert "missing )" in str(exc)
    else:
        raise AssertionError("a bad pattern compiled")


def test_every_module_pattern_of_plancheck_compiles():
    # compiled at import before; now on first use: a mistyped pattern must still fail here, not
    # on the first document that reaches it
    import importlib
    import pkgutil

    import plancheck

    count = 0
    for info in pkgutil.walk_packages(plancheck.__path__, "plancheck."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in list(vars(module).values()):
            if isinstance(value, (LazyPattern, re.Pattern)):
                assert isinstance(value.pattern if isinstance(value, re.Pattern) else value.compiled(), (str, bytes, re.Pattern))
                count += 1
    assert count > 300
