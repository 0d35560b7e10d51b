from claims_helpers import claims, verdicts


def test_seed_no_member_has_reached_this_number():
    text = "NATO countries need to spend 5% of GDP on defense. However, no NATO member, including the US, has reached this number."
    found = claims(text, "2025-03-26", "all_none_threshold")
    assert [c["verdict"] for c in found] == ["supported"] and found[0]["value"] == 5.0


def test_every_ally_at_2_percent():
    assert verdicts("Every NATO ally that reported a figure is expected to spend at least 2% of its GDP this year.",
                    "2025-08-29") == ["supported"]
    assert verdicts('"Every one of our 31 allies now spends at least 2 per cent," he said.', "2026-11-12") == ["refuted"]
