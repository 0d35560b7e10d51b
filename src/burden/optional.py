"""Optional capabilities: modules that come with a named extra, and the one message when one is missing.

Everything `burden` needs at run time is a declared dependency (pyproject.toml `dependencies`); only the
modules listed here are optional, each with the extra that installs it. A missing optional module
becomes `MissingExtra` (a `BurdenError`: one line naming the extra to install); any other ImportError
is a bug and propagates as one.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import BurdenError

# top-level module -> the extra that installs it (pip install "burden[EXTRA]")
OPTIONAL_MODULES: dict[str, str] = {
    "dask": "archive",
    "distributed": "archive",
    "py3langid": "archive",
    "trafilatura": "archive",
    "warcio": "archive",
    "datasette": "bench",
    "quantulum3": "bench",
    "resiliparse": "bench",
}


class MissingExtra(BurdenError):
    """An optional module is not installed; the message names the extra that installs it."""

    code = "not-available"

    def __init__(self, module: str, extra: str, purpose: str = ""):
        self.module, self.extra = module, extra
        what = f"{purpose} needs" if purpose else "this needs"
        super().__init__(
            f"{what} the optional module {module!r}: install it with pip install 'burden[{extra}]'"
        )


def missing_extra(exc: ImportError, purpose: str = "") -> MissingExtra | None:
    """The MissingExtra for an ImportError raised because an optional module is absent, else None."""
    name = getattr(exc, "name", None) or ""
    top = name.split(".")[0]
    if isinstance(exc, ModuleNotFoundError) and top in OPTIONAL_MODULES:
        return MissingExtra(top, OPTIONAL_MODULES[top], purpose)
    return None


def require(module: str, purpose: str = "") -> ModuleType:
    """Import an optional module, or raise MissingExtra naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        missing = missing_extra(exc, purpose)
        if missing is None:
            raise
        raise missing from None
