from claims_helpers import verdicts


def test_us_share_of_allied_spending():
    assert verdicts("In dollar terms the United States accounts for about two-thirds of the allies' combined defense "
                    "spending.", "2024-11-20") == ["supported"]
    assert verdicts('"America pays 90 percent of everything NATO countries spend on defense," he said.',
                    "2024-11-20") == ["refuted"]
