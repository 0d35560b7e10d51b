#!/usr/bin/env bash
# Install burden as a user would and use it: build the wheel, install it into a fresh virtual
# environment with its runtime dependencies only (no test or bench extras), then run every command's
# --help, `burden check` on a text file, `burden report`, and `burden serve` with a GET of every page
# linked from / and a POST of every form. Any failure stops the script with a non-zero exit.
# Usage: scripts/smoke_install.sh [PYTHON]   (default python3; needs PyPI or PIP_FIND_LINKS)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-python3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/burden-smoke.XXXXXX")
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
step() { echo "smoke: $*"; }

step "building the wheel"
"$PY" -m pip wheel --quiet --no-deps --wheel-dir "$WORK/dist" . >/dev/null
WHEEL=$(ls "$WORK"/dist/burden-*.whl) || fail "no wheel built"

step "installing $(basename "$WHEEL") into a fresh venv (runtime dependencies only)"
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet "$WHEEL"
BIN="$WORK/venv/bin"
PYV="$BIN/python"

# run as a user: outside the source tree, with an empty data folder of its own
cd "$WORK"
export BURDEN_DATA_DIR="$WORK/data" PYTHONPATH="" NO_COLOR=1
"$PYV" -c "import burden, sys; assert '$WORK' in burden.__file__, burden.__file__" \
  || fail "burden is not imported from the fresh venv"

step "every command's --help"
"$BIN/burden" --help >/dev/null || fail "burden --help"
COMMANDS=$("$PYV" - <<'PY'
import typer.main
from burden.cli import app

def walk(cmd, prefix):
    yield prefix
    for name, sub in sorted(getattr(cmd, "commands", {}).items()):
        yield from walk(sub, prefix + [name])

for path in walk(typer.main.get_command(app), []):
    if path:
        print(" ".join(path))
PY
)
[ -n "$COMMANDS" ] || fail "no commands listed"
while read -r cmd; do
  # shellcheck disable=SC2086
  "$BIN/burden" $cmd --help >/dev/null 2>"$WORK/err" || fail "burden $cmd --help: $(cat "$WORK/err")"
done <<< "$COMMANDS"
step "  $(echo "$COMMANDS" | wc -l) commands answer --help"

step "burden check on a text file"
printf 'Poland spent 4.12%% of GDP on defence in 2024, the highest share in NATO.\n' > article.txt
"$BIN/burden" check article.txt --date 2024-07-01 --json > check.json || fail "burden check"
"$PYV" - <<'PY' || fail "burden check gave no verdict"
import json
result = json.load(open("check.json"))
verdicts = [c.get("verdict") for c in result["claims"]]
assert verdicts and all(verdicts), result
print("smoke:   verdicts:", verdicts)
PY

step "burden report --out (and no web server modules loaded while writing it)"
"$BIN/burden" report --out report.html >/dev/null || fail "burden report"
[ -s report.html ] || fail "report.html is empty"
"$PYV" - <<'PY' || fail "writing the report loaded the web server"
import sys
from burden.report import write_report
write_report("report2.html")
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("fastapi", "starlette", "uvicorn"))
assert not loaded, f"writing the report loaded {loaded[:5]}"
PY

step "burden serve: every page linked from / and every form"
PORT=$("$PYV" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
"$BIN/burden" serve --host 127.0.0.1 --port "$PORT" > serve.log 2>&1 &
SERVER_PID=$!
"$PYV" - "$PORT" <<'PY' || { cat serve.log >&2; fail "web smoke test"; }
import html.parser, json, sys, time, urllib.error, urllib.parse, urllib.request

base = f"http://127.0.0.1:{sys.argv[1]}"
deadline = time.monotonic() + 60
while True:
    try:
        urllib.request.urlopen(base + "/api/editions", timeout=5).read()
        break
    except OSError:
        if time.monotonic() > deadline:
            sys.exit("server did not start")
        time.sleep(0.3)


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.forms, self.form, self.select = [], [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href", "").startswith("/"):
            self.links.append(a["href"])
        elif tag == "form":
            self.form = {"action": a.get("action") or "", "method": (a.get("method") or "get").lower(), "fields": {}}
            self.forms.append(self.form)
        elif self.form is not None and tag in ("input", "textarea", "select") and a.get("name"):
            self.form["fields"].setdefault(a["name"], a.get("value") or "")
            self.select = a["name"] if tag == "select" else None
        elif self.form is not None and tag == "option" and self.select and a.get("value") is not None:
            if not self.form["fields"][self.select] or "selected" in a:  # the selected option, else the first
                self.form["fields"][self.select] = a["value"]

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None


def fetch(path, data=None, content_type="application/x-www-form-urlencoded"):
    req = urllib.request.Request(base + path, data=data, headers={"Content-Type": content_type} if data else {})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


status, body = fetch("/")
assert status == 200, f"GET / -> {status}"
home = Page()
home.feed(body)
pages = sorted({link.split("#")[0] for link in home.links if not link.startswith("/static/")} - {""})
assert len(pages) >= 5, pages
forms = []
for path in pages:
    status, body = fetch(path)
    assert status == 200, f"GET {path} -> {status}: {body[:300]}"
    page = Page()
    page.feed(body)
    forms += [(path, f) for f in page.forms]
print(f"smoke:   {len(pages)} pages linked from / answer 200")
claim = "Poland spent 4.12% of GDP on defence in 2024, the highest share in NATO."
# what a user types into each text box of a POST form; a new box needs a line here (the test says so)
SAMPLES = {"text": claim, "date": "2024-07-01", "plans": "ally,year,related_pct_gdp\nPOL,2025,0.8\n"}
posted = 0
for path, form in forms:
    target = form["action"] or path
    fields = dict(form["fields"])
    if form["method"] == "post":
        for name, value in fields.items():
            if not value:
                assert name in SAMPLES, f"POST form on {path}: no sample input for field {name!r} (add it to SAMPLES)"
                fields[name] = SAMPLES[name]
        status, body = fetch(target, urllib.parse.urlencode(fields).encode())
        assert status == 200, f"POST {target} -> {status}: {body[:300]}"
        if "text" in fields:
            assert 'class="badge verdict-' in body, f"POST {target}: no verdict in the answer"
        posted += 1
    else:
        query = urllib.parse.urlencode({k: v for k, v in fields.items() if v})
        status, body = fetch(target + ("?" + query if query else ""))
        assert status == 200, f"GET form {target}?{query} -> {status}: {body[:300]}"
assert posted >= 1, "no POST form found (the claim checker form should be one)"
status, body = fetch("/api/check", json.dumps({"text": claim, "date": "2024-07-01"}).encode(),
                     "application/json")
assert status == 200 and json.loads(body)["claims"], f"POST /api/check -> {status}: {body[:300]}"
print(f"smoke:   {len(forms)} forms submitted ({posted} POST), claim form returns verdicts")
PY
step "OK"
