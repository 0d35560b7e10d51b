import datetime as dt

from burden.claims.entities import find_entities
from burden.claims.grammar import is_english, reading_text, sentences, strip_html
from burden.claims.quantities import find_quantities
from claims_helpers import claims


def test_sentence_spans_are_code_point_offsets_and_skip_item_prefixes():
    text = "Live\n\n14:10 — Greece tops that table at 3.82% of GDP. Mr. Smith agrees.\nCLAIM: “Türkiye spends more.”"
    spans = sentences(text)
    assert all(text[s.start:s.end] == s.text for s in spans)
    assert [s.text for s in spans][1:] == ["Greece tops that table at 3.82% of GDP.", "Mr. Smith agrees.",
                                           "“Türkiye spends more.”"]


def test_entities_names_adjectives_capitals_and_groups():
    found = [(e.code, e.kind) for e in find_entities("Berlin and the Polish minister met the European allies and Canada")]
    assert found == [("DEU", "capital"), ("POL", "adjective"), ("NATO_EUR_CAN", "group")]
    assert find_entities("Critics in Washington say so") == []  # a place, not the government
    assert [e.code for e in find_entities("Let us see")] == []  # the pronoun is not the US


def test_quantities_with_hedges():
    qs = [(q.kind, q.value, q.comparator) for q in find_quantities(
        "at least 2 per cent, nearly double, about $980 billion, two-thirds, 3.5% or more, eight years")]
    assert ("pct", 2.0, "ge") in qs and ("money", 980.0, "approx") in qs and ("pct", 3.5, "ge") in qs
    assert ("fraction", 2 / 3, "eq") in qs and not any(k == "count" for k, _, _ in qs)


def test_fractions_in_words_read_with_a_space_or_a_hyphen_and_never_as_a_count():
    for text, value in [("one fifth", 0.2), ("One-fifth", 0.2), ("one quarter", 0.25), ("a quarter", 0.25),
                        ("one-tenth", 0.1), ("three tenths", 0.3), ("two thirds", 2 / 3), ("four-fifths", 0.8)]:
        qs = [(q.kind, q.value) for q in find_quantities(f"about {text} of the budget")]
        assert qs == [("fraction", value)], text
    # not in lowest terms: quarters and tenths of a year, not a share
    assert not any(q.kind == "fraction" for q in find_quantities("growth over two quarters and four tenths"))


def test_html_is_stripped_and_other_languages_detected():
    assert "Poland" in strip_html("<html><body><p>Poland <b>spent</b></p><script>x</script></body></html>")
    assert not is_english("Die NATO-Staaten haben sich verpflichtet, mindestens zwei Prozent ihres "
                          "Bruttoinlandsprodukts für die Verteidigung auszugeben, sagte der Minister.")


def test_sentences_without_checkable_claims_yield_nothing():
    text = ("Police closed much of the city centre for two days. The meeting opens at ten. "
            "Finland shares a border of some 1,340 kilometres with Russia. The plan is bold.")
    assert claims(text, "2025-06-25") == []


def test_relative_time_resolves_against_the_date():
    from burden.claims.dates import find_times

    refs = {t.kind: t.year for t in find_times("last year, this year, next year, by 2035", dt.date(2025, 3, 1))}
    assert refs == {"last_year": 2024, "this_year": 2025, "next_year": 2026, "deadline": 2035}


def test_bare_table_lines_under_a_header_announcing_shares_of_gdp_are_the_allies_figures():
    text = ("Below is what each ally spent on defence in 2024, as a share of its GDP:\n"
            "Estonia: 3.43\nUnited Kingdom: 2.33\nBelgium: 1.30\nNote: Iceland has no armed forces.")
    found = claims(text, "2024-07-13")
    assert [(c["subject"], c["value"], c["year"], c["verdict"]) for c in found] == [
        ("EST", 3.43, 2024, "supported"), ("GBR", 2.33, 2024, "supported"), ("BEL", 1.3, 2024, "supported")]
    # without such a header a bare "Name: number" line is no claim
    assert claims("Scores by team:\nEstonia: 3.43\nBelgium: 1.30", "2024-07-13") == []


def test_bare_lines_under_a_title_line_about_shares_of_gdp():
    text = "Defence spending as a share of GDP, 2024 (estimated)\nEstonia 3.43\nBelgium 1.30"
    found = claims(text, "2024-07-13")
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [("EST", 2024, "supported"),
                                                                        ("BEL", 2024, "supported")]
    # a title about money announces no shares of GDP
    assert claims("Defence spending in US$ billion, 2024 (estimated)\nEstonia 3.43\nBelgium 1.30", "2024-07-13") == []


def test_a_decimal_before_a_colon_is_a_figure_not_a_timestamp():
    from burden.claims.grammar import iter_spans
    assert [p for _, _, p in iter_spans("2.14: share of GDP Estonia spent.")] == ["2.14: share of GDP Estonia spent."]
    assert [p for _, _, p in iter_spans("09:45 — Estonia spent 2.14%.")] == ["Estonia spent 2.14%."]
    assert [p for _, _, p in iter_spans("09.45 – Estonia spent 2.14%.")] == ["Estonia spent 2.14%."]


def test_hard_wrapped_wire_copy_is_read_as_whole_sentences():
    text = ("BRUSSELS, June 3 - Alliance leaders meeting in Lithuania, under\n"
            "pressure from Washington, promised on Tuesday to move towards the\n"
            "target of spending 2 percent of national output on defence.\n"
            "Canada spent 1.3 percent of GDP on defence in 2022, well below\n"
            "it.")
    pieces = [t.text for t in sentences(text)]
    assert len(pieces) == 2 and pieces[0].endswith("on defence.") and "\n" in pieces[0]
    assert pieces[1].startswith("Canada spent") and pieces[1].endswith("well below\nit.")


def test_a_wrapped_text_goes_on_over_a_capital_or_a_figure_and_reads_names_broken_over_the_wrap():
    text = ("In 2016 only four member countries besides the United\n"
            "States put at least 2 percent of their output into\n"
            "defence, the figures released in June show, while Italy stood at about\n"
            "1.2 percent of GDP and Spain lagged even further\n"
            "behind.")
    pieces = [t.text for t in sentences(text)]
    assert pieces == [text]  # two plain wraps (a lower-case line after a long one) show the text wrapped
    read = reading_text(text)
    assert "the United States put" in read and "about 1.2 percent" in read and len(read) == len(text)


def test_a_wrapped_text_goes_on_over_a_currency_sign():
    text = ("Germany, whose economy is worth a little more than\n"
            "$4 trillion, is the largest in Europe, officials noted in\n"
            "their remarks, and its budget has been growing\n"
            "steadily since the invasion of Ukraine began.")
    assert [t.text for t in sentences(text)] == [text]


def test_a_long_headline_before_a_capital_line_stays_apart_in_a_text_that_is_not_wrapped():
    text = ("Warsaw presses on with its build-up as budget talks drag on in the capital\n"
            "Poland puts 4.12% of its output into the armed forces in 2024.")
    assert [t.text for t in sentences(text)] == text.split("\n")
    assert reading_text(text) == text


def test_a_list_item_mark_opens_its_own_line_in_a_wrapped_text():
    text = ("Three points stood out in the figures the alliance released this\n"
            "week, officials said at a briefing held in the Belgian capital on\n"
            "the same afternoon, and each of them is about the biggest spenders\n"
            "1. Poland remains the top spender, at 4.12 percent of its economy\n"
            "2. Estonia follows, with 3.43 percent of its GDP this year")
    pieces = [t.text for t in sentences(text)]
    assert pieces[-1].endswith("3.43 percent of its GDP this year") and not pieces[-1].startswith("1.")
    assert any(p.startswith("Poland remains") or "1. Poland" in p for p in pieces)


def test_short_lines_headlines_and_table_lines_are_not_joined():
    text = ("Unpaid bills: the allies and the money they owe\n"
            "President Trump renewed his attack on the allies on Thursday.\n"
            "Defence spending as a share of GDP, 2024 (estimated):\n"
            "Poland 4.12\n"
            "estonia 3.43")
    assert [t.text for t in sentences(text)] == text.split("\n")


def test_a_read_sentence_and_its_claims_are_freed_without_the_garbage_collector():
    # a sentence's claims point back to it; once read, nothing points from the sentence to its claims, so reference
    # counting frees both (the collector would otherwise walk every sentence and claim of a long text)
    import gc
    import weakref

    from burden.claims import iter_claims

    text = "Poland spent 4.12% of GDP on defence in 2024. Only three allies met the guideline in 2014."
    gc.collect()
    gc.disable()
    try:
        refs = []
        for claim in iter_claims(text, dt.date(2025, 3, 26)):
            refs.append((weakref.ref(claim), weakref.ref(claim.sentence)))
        del claim
        assert len(refs) >= 2
        assert all(c() is None and s() is None for c, s in refs)
    finally:
        gc.enable()


def test_a_contractions_last_letter_ends_its_sentence():
    # "don't." and "Russia's." end sentences (the letter after the apostrophe is no abbreviation like "U.S.")
    text = "Allies were asked to pay more. Many of them don't. Norway spent 2.2% of GDP in 2024."
    assert [t.text for t in sentences(text)] == ["Allies were asked to pay more.", "Many of them don't.",
                                                 "Norway spent 2.2% of GDP in 2024."]
    text = "Its Arctic fleet is smaller than Russia’s. A group of senators wants a plan."
    assert len(sentences(text)) == 2
    assert len(sentences("He met U.S. officials in Brussels.")) == 1


def test_an_allys_name_in_lower_case_is_that_ally():
    # transcripts and posts write "norway"; only a name is read so, not a common word ("turkey") nor an adjective
    # or a capital ("polish", "rome")
    found = [(e.code, e.text) for e in find_entities("the czech republic and norway spent more")]
    assert found == [("CZE", "czech republic"), ("NOR", "norway")]
    assert find_entities("we polish the turkey in rome") == []
    assert find_entities("let us meet") == []
