"""`burden update`: check for, fetch and import new releases (see `burden.update`).

`update(check=True)` -> {"sources": [{source, installed, latest, status, url, ...}]};
`update(url=URL, edition=LABEL)` -> {edition, url, sha256, status: "imported" | "not-modified", ...};
`update()` -> the check, with what was fetched under each source's `update`.
"""

from __future__ import annotations

from typing import Any

from ..errors import BurdenError


def update(
    *,
    check: bool = False,
    url: str | None = None,
    edition: str | None = None,
    source: str = "nato",
    release_date: str | None = None,
    sha256: str | None = None,
    timeout: float | None = None,
    max_bytes: int | None = None,
) -> dict[str, Any]:
    from .. import update as upd

    if timeout is not None and not 0 < timeout <= 600:
        raise BurdenError(
            f"invalid --timeout {timeout}: use seconds between 0 and 600", code="invalid-timeout"
        )
    if max_bytes is not None and max_bytes <= 0:
        raise BurdenError(
            f"invalid --max-bytes {max_bytes}: use a positive number of bytes", code="invalid-max-bytes"
        )
    if sha256 is not None and not (len(sha256) == 64 and all(c in "0123456789abcdefABCDEF" for c in sha256)):
        raise BurdenError(f"invalid --sha256 {sha256!r}: use 64 hex digits", code="invalid-sha256")
    if url is not None:
        if check:
            raise BurdenError(
                "--check and --url exclude each other: --check only reports", code="invalid-options"
            )
        if not edition:
            raise BurdenError(
                "--url needs --edition LABEL (e.g. --edition 2027-07; for SIPRI a label like 1949-2025)",
                code="missing-edition",
            )
        return upd.fetch_and_import(
            url,
            edition,
            source,
            release_date=release_date,
            sha256=sha256,
            timeout=timeout,
            max_bytes=max_bytes,
        )
    if edition:
        raise BurdenError("--edition goes with --url URL", code="invalid-options")
    return upd.check(timeout) if check else upd.update_all(timeout)
