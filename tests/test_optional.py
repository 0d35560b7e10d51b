"""Only a missing optional module degrades (naming the extra to install); any other ImportError is a bug."""

from __future__ import annotations

import pytest

from burden.errors import attempt
from burden.optional import OPTIONAL_MODULES, MissingExtra, require


def _raise(exc: Exception):
    def compute():
        raise exc

    return compute


def test_a_missing_optional_module_names_the_extra_to_install():
    result, problem = attempt(_raise(ModuleNotFoundError("No module named 'dask'", name="dask")))
    assert result is None
    assert "pip install 'burden[archive]'" in problem


def test_an_import_bug_inside_the_package_is_not_hidden_as_not_available():
    with pytest.raises(ImportError):
        attempt(_raise(ImportError("cannot import name 'status_report' from 'burden.compliance'")))
    with pytest.raises(ModuleNotFoundError):
        attempt(_raise(ModuleNotFoundError("No module named 'burden.nothere'", name="burden.nothere")))


def test_require_raises_a_burden_error_for_an_absent_optional_module(monkeypatch):
    monkeypatch.setitem(OPTIONAL_MODULES, "burden_no_such_module", "extra-x")
    with pytest.raises(MissingExtra, match=r"burden\[extra-x\]"):
        require("burden_no_such_module", "the test")
    assert require("json").dumps([1]) == "[1]"
