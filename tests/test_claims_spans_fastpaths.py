"""Fast paths of the sentence splitter (grammar.iter_spans, _is_abbreviation) against the plain code they replace."""

from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims import grammar

SPAN_PIECES = ["- ", "• ", "* ", "CLAIM:", "VERDICT :", "FACT", "CHECK: ", "12:30 — ", "1.05 -", " ", "  ", "\t", "\u00a0",
               ". ", "! ", "? ", ".\" ", ".’) ", "Mr.", "U.S.", "e.g.", "A.", "Text", "word", "2024.", "5", "\n",
               "\u2028", "x" * 30, "Ab", "y" * 300, "İ", "ſ", "Ⅻ", "²"]
span_texts = st.lists(st.sampled_from(SPAN_PIECES) | st.text(max_size=3), max_size=14).map("".join)


def _plain_is_abbreviation(text, dot):
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
        if dot - j > 6:
            return False
    token = text[j:dot].lower()
    return token in grammar.ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _plain_iter_spans(text):
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        prefix = grammar._PREFIX.match(line)
        start = prefix.end() if prefix else 0
        cuts = [m.end() for m in grammar._BOUNDARY.finditer(line, start)
                if not (line[m.start()] == "." and _plain_is_abbreviation(line, m.start()))]
        for end in [*cuts, len(line)]:
            piece = line[start:end]
            lead = len(piece) - len(piece.lstrip())
            sub = grammar._PREFIX.match(piece[lead:])
            if sub:
                lead += sub.end()
            s, e = start + lead, end
            while e > s and line[e - 1].isspace():
                e -= 1
            while e - s > grammar.MAX_SENTENCE:
                yield line_start + s, line_start + s + grammar.MAX_SENTENCE, line[s:s + grammar.MAX_SENTENCE]
                s += grammar.MAX_SENTENCE
            if e > s:
                yield line_start + s, line_start + e, line[s:e]
            start = end


@settings(max_examples=500, deadline=None)
@given(span_texts)
def test_sentence_spans_match_the_plain_splitter(text):
    assert list(grammar.iter_spans(text)) == list(_plain_iter_spans(text))
    for dot, ch in enumerate(text):
        if ch == ".":
            assert grammar._is_abbreviation(text, dot) == _plain_is_abbreviation(text, dot)


def test_labels_and_trailing_spaces_at_line_ends_read_as_before():
    for text in ("Text. - ", "  - ", "Done. CLAIM:   ", "Yes. 12:30 -   ", "x. • \nA. B", "He said. \"Yes.\" No! Why? OK.",
                 "Mr. X. Y", "a.\u00a0B", "In 2024. The", "U.S. Army. The", "Z" * 700 + ". A"):
        assert list(grammar.iter_spans(text)) == list(_plain_iter_spans(text)), text


def test_sentence_spans_after_stops_with_any_white_space():
    for text in ("A. B", "A.\tB", "A.\u00a0\u2028 B", "Ends. \n Next. Mr. X.  \"Quote.\" (Y) 2024. 5 z.", "\u2028x. Y",
                 "FACT: a. VERDICT: b! CHECK :c? 12:30 - d.", "ab.\nCD. e", "- \n  - x. Y  "):
        assert list(grammar.iter_spans(text)) == list(_plain_iter_spans(text)), text


def test_quick_init_records_read_and_compare_like_plain_dataclasses():
    import dataclasses

    from burden.claims.dates import TimeRef
    from burden.claims.entities import Entity
    from burden.claims.quantities import Quantity

    samples = [(Entity, (1, 8, "DEU", "name", "Germany")), (Quantity, (0, 2, "pct", 2.0, 0, "eq", "2%")),
               (Quantity, (0, 2, "money", 1.5, 1, "ge", "$1.5bn", "USD", "billion")), (TimeRef, (3, 7, 2024, "year")),
               (TimeRef, (3, 7, 2024, "month", 5, "May 2024"))]
    for cls, args in samples:
        plain = dataclasses.dataclass(frozen=True)(type(cls.__name__, (), {
            "__annotations__": {f.name: f.type for f in dataclasses.fields(cls)},
            **{f.name: f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING}}))
        a, b = cls(*args), plain(*args)
        assert repr(a) == repr(b) and hash(a) == hash(b) and a == cls(*args) and a != b
        assert dataclasses.astuple(a) == dataclasses.astuple(b) and dataclasses.asdict(a) == dataclasses.asdict(b)
        for f in dataclasses.fields(cls):
            assert getattr(a, f.name) == getattr(b, f.name)
            try:
                setattr(a, f.name, None)
            except dataclasses.FrozenInstanceError:
                pass
            else:
                raise AssertionError(f.name)
