import json

from burden.claims import check_text
from conftest import FIXTURES

CLAIMS = FIXTURES / "claims"


def test_json_output_equals_the_api(cli_json):
    out = cli_json("check", str(CLAIMS / "seed_excerpt.txt"), "--date", "2025-03-26")
    assert out == json.loads(json.dumps(check_text((CLAIMS / "seed_excerpt.txt").read_text(), "2025-03-26")))
    assert [c["verdict"] for c in out["claims"]] == ["supported"] * 3


def test_jsonl_batch_keeps_ids(cli):
    code, out, _ = cli("check", "--jsonl", str(CLAIMS / "batch.jsonl"), "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in rows] == ["a", "b"] and rows[1]["url"] == "https://example.org/b"
    assert rows[0]["claims"][0]["verdict"] == "outdated"


def test_html_file_tags_stripped_and_annotated_page_written(cli, tmp_path):
    page = tmp_path / "out.html"
    code, out, _ = cli("check", str(CLAIMS / "html_article.html"), "--date", "2024-07-01", "--html", str(page))
    assert code == 0 and "SUPPORTED" in out
    html = page.read_text()
    assert "<mark" in html and "http" not in html.split("<body>")[1].split("example")[0]


def test_empty_stdin_gives_no_claims_and_exit_0(cli):
    code, out, _ = cli("check", "-", "--json", input="")
    assert code == 0 and json.loads(out)["claims"] == []


def test_binary_file_is_a_one_line_error(cli):
    code, _, err = cli("check", str(CLAIMS / "binary_input.bin"))
    assert code == 2 and err.startswith("error:") and len(err.strip().splitlines()) == 1


def test_no_date_warns_and_uses_latest_edition(cli_json):
    out = cli_json("check", str(CLAIMS / "seed_excerpt.txt"))
    assert out["date"] is None and any("no date" in w for w in out["warnings"])
