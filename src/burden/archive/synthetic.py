"""Synthetic news archives for the tests and the benchmark: WARC files of pages written here (our own
sentences, never copied from a news site), wrapped in the chrome real news pages carry (navigation,
cookie banner, related links, reader comments, footer), mixed with unrelated pages and with the
defects real crawls hold.

    python -m burden.archive.synthetic OUT.warc.gz --pages 20000 --nato-share 0.05
"""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path
from typing import Any

ALLIES = [("Poland", "Warsaw"), ("Germany", "Berlin"), ("France", "Paris"), ("Italy", "Rome"), ("Spain", "Madrid"),
          ("Estonia", "Tallinn"), ("Latvia", "Riga"), ("Norway", "Oslo"), ("Canada", "Ottawa"),
          ("Greece", "Athens"), ("Portugal", "Lisbon"), ("Belgium", "Brussels"), ("Denmark", "Copenhagen"),
          ("the Netherlands", "The Hague"), ("Lithuania", "Vilnius"), ("Romania", "Bucharest")]
SITES = ["dailyledger.example", "northwire.example", "civicpost.example", "harbourtimes.example",
         "eveningsignal.example", "plainherald.example"]

# Our own sentences; {ally}, {pct}, {year} ... are filled in per page. Figures are drawn at random, so the
# checker finds some supported, some refuted: what matters here is that it finds claims at all.
NATO_PARAGRAPHS = [
    "{ally} will spend {pct} per cent of its GDP on defence in {year}, the finance ministry in {capital} said on {weekday}.",
    "Officials in {capital} argued that the country already meets NATO's 2% guideline, a claim opposition MPs disputed.",
    "According to figures the alliance published this year, {ally} devoted {pct2}% of its economic output to defence in {year}.",
    "Only {count} of the 32 allies reached the 2 per cent mark in {year}, the alliance's secretary general told reporters.",
    "The United States spends more on its military than all other allies combined, a diplomat noted at the briefing.",
    "Analysts expect the debate to return at the next summit, where a target of 3.5% for core defence is on the table.",
    "Critics said the government's plan to reach {pct} per cent by {later} leaves little room for schools and hospitals.",
]
OTHER_TOPICS = {
    "weather": ["A band of heavy rain will cross the region on {weekday}, with up to {n} millimetres expected in the hills.",
                "Forecasters said temperatures would recover to {n} degrees by the weekend.",
                "Drivers were asked to allow extra time on the coast road after two minor floods."],
    "football": ["The home side came from behind to win {n}-1 in front of a crowd of {big}.",
                 "Their manager praised a young midfielder who scored twice in the second half.",
                 "The club sits {n} points clear at the top of the table with eight games left."],
    "recipes": ["Roast the squash at {n} degrees for forty minutes, turning once.",
                "A spoon of miso in the dressing lifts the whole salad.",
                "Serves four; keeps for {n} days in the fridge."],
    "tech": ["The new phone ships with a {n}-megapixel camera and a larger battery.",
             "Reviewers found the update fixed most of the crashes reported last month.",
             "The company said {big} users signed up in the first week."],
    "travel": ["The ferry to the islands now runs {n} times a day in summer.",
               "A night in the old town costs about {big} crowns in high season.",
               "France and Italy remain the most visited countries on the continent, a tourism board said."],
    "council": ["The council approved {n} new bus stops on the east side of town.",
                "Residents complained about potholes on the ring road at Tuesday's meeting.",
                "Work on the library roof should finish by the spring."],
}
GERMAN_NATO = ("Die Regierung will die Verteidigungsausgaben bis {later} auf {pct} Prozent der Wirtschaftsleistung "
               "erhöhen, sagte der Minister am Dienstag. Die NATO hatte alle Verbündeten aufgefordert, mehr zu tun. "
               "Kritiker halten das Ziel für zu ehrgeizig und verweisen auf die Lage der Haushalte.")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _fill(template: str, rng: random.Random, day: dt.date) -> str:
    ally, capital = rng.choice(ALLIES)
    return template.format(ally=ally, capital=capital, pct=f"{rng.choice([1.3, 1.5, 1.8, 2, 2.1, 2.5, 3, 3.5, 4.1])}",
                           pct2=f"{rng.uniform(1.0, 4.5):.2f}", year=day.year - 1, later=day.year + rng.randint(2, 9),
                           count=rng.randint(3, 30), weekday=rng.choice(WEEKDAYS), n=rng.randint(2, 40),
                           big=f"{rng.randint(2, 90) * 1000:,}")


def page_html(title: str, paragraphs: list[str], *, site: str, day: dt.date | None, rng: random.Random,
              charset: str = "utf-8") -> str:
    """A news page: the article inside navigation, a cookie banner, related links, comments and a footer."""
    meta = (f'<meta property="article:published_time" content="{day.isoformat()}T{rng.randint(6, 21):02d}:15:00Z">'
            if day else "")
    time_tag = f'<time datetime="{day.isoformat()}">{day:%d %B %Y}</time>' if day else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    related = "".join(f'<li><a href="/story/{rng.randint(1000, 9999)}">{t}</a></li>' for t in
                      rng.sample(["Ten walks for the long weekend", "Markets close higher on bank results",
                                  "Defence stocks: what investors should know", "Your letters",
                                  "The best budget laptops this year", "Rail strike called off"], 3))
    comments = "".join(f'<div class="comment"><b>reader{rng.randint(1, 999)}</b><p>{c}</p></div>' for c in
                       rng.sample(["Interesting read, thanks.", "Who is going to pay for all this?",
                                   "First!", "I remember when this was front page news."], 2))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="{charset}"><title>{title} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">{meta}
<link rel="stylesheet" href="/static/site.css"></head>
<body>
<div id="cookie-banner" class="consent">We use cookies to personalise content and ads. <button>Accept all</button>
<button>Manage choices</button></div>
<header><a class="logo" href="/">{site}</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter {time_tag}</p>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
<section class="comments"><h2>Comments</h2>{comments}</section></main>
<footer><p>Contact us · Privacy · Terms</p><p>All rights reserved.</p></footer>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article"}});</script>
</body></html>"""


def news_pages(n: int, nato_share: float = 0.05, seed: int = 0, start: dt.date = dt.date(2024, 1, 1),
               days: int = 700) -> list[dict[str, Any]]:
    """`n` pages, about `nato_share` of them about NATO spending, the rest about other things."""
    rng = random.Random(seed)
    pages = []
    for i in range(n):
        day = start + dt.timedelta(days=rng.randrange(days))
        site = rng.choice(SITES)
        if rng.random() < nato_share:
            paras = [_fill(t, rng, day) for t in rng.sample(NATO_PARAGRAPHS, 4)]
            title, topic = f"{rng.choice(ALLIES)[0]} and the defence budget", "nato"
        else:
            topic = rng.choice(sorted(OTHER_TOPICS))
            paras = [_fill(t, rng, day) for t in OTHER_TOPICS[topic]]
            title = f"{topic.title()} update"
        html = page_html(title, paras, site=site, day=day, rng=rng)
        pages.append({"url": f"https://{site}/{day:%Y/%m/%d}/{topic}-{i}", "html": html, "topic": topic,
                      "date": day.isoformat()})
    return pages


def write_warc(path: str | Path, pages: list[dict[str, Any]], gzip: bool | None = None) -> Path:
    """Write pages ({url, html or body bytes, content_type?}) as WARC response records (with a warcinfo
    and a request record, as crawlers write them)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = Path(path)
    gzip = path.name.endswith(".gz") if gzip is None else gzip
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "burden synthetic archive"}))
        for page in pages:
            body = page["body"] if "body" in page else page["html"].encode(page.get("encoding", "utf-8"))
            ctype = page.get("content_type", "text/html; charset=utf-8")
            req = StatusAndHeaders(f"GET {page['url']} HTTP/1.1", [("Host", "example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(page["url"], "request", http_headers=req))
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(page["url"], "response", payload=io.BytesIO(body),
                                                          http_headers=http))
    return path


def defect_pages(seed: int = 1) -> list[dict[str, Any]]:
    """One page per defect a crawl holds, each named after it (`defect`), in a fixed order."""
    rng = random.Random(seed)
    day = dt.date(2025, 3, 26)
    nato = [_fill(t, rng, day) for t in NATO_PARAGRAPHS[:4]]
    good = page_html("Allies and the 2% line", nato, site="dailyledger.example", day=day, rng=rng)
    latin = page_html("Défense: Portugal et l'OTAN", nato, site="civicpost.example", day=day, rng=rng,
                      charset="windows-1252").replace("</h1>", " — café</h1>")
    return [
        {"defect": "none", "url": "https://dailyledger.example/2025/03/26/allies", "html": good},
        {"defect": "duplicate", "url": "https://mirror.example/allies-copy", "html": good},
        {"defect": "no date", "url": "https://plainherald.example/allies-undated",
         "html": page_html("Allies and the 2% line", nato[::-1], site="plainherald.example", day=None, rng=rng)},
        {"defect": "not English", "url": "https://northwire.example/2025/03/26/bundeswehr",
         "html": page_html("Verteidigung", [_fill(GERMAN_NATO, rng, day)], site="northwire.example", day=day, rng=rng)},
        {"defect": "declared windows-1252", "url": "https://civicpost.example/2025/03/26/portugal", "html": latin,
         "encoding": "windows-1252", "content_type": "text/html; charset=windows-1252"},
        {"defect": "undecodable", "url": "https://civicpost.example/2025/03/26/broken-encoding",
         "body": latin.replace("café", "caf\u00e9 encoded wrongly").encode("windows-1252"),
         "content_type": "text/html; charset=utf-8"},
        {"defect": "not a page", "url": "https://dailyledger.example/logo.png", "body": b"\x89PNG\r\n\x1a\n" + bytes(64),
         "content_type": "image/png"},
        {"defect": "unrelated", "url": "https://harbourtimes.example/2025/03/26/weather",
         "html": page_html("Weather", [_fill(t, rng, day) for t in OTHER_TOPICS["weather"]],
                           site="harbourtimes.example", day=day, rng=rng)},
    ]


def corrupt_middle(path: str | Path, record: int) -> None:
    """Overwrite the start of the `record`-th WARC record (counting every record) with garbage."""
    from warcio.archiveiterator import ArchiveIterator

    path = Path(path)
    data = bytearray(path.read_bytes())
    with path.open("rb") as f:
        it = ArchiveIterator(f)
        offsets = []
        for r in it:
            r.content_stream().read()
            offsets.append(it.get_record_offset())
    at = offsets[record]
    data[at:at + 24] = b"GARBAGE NOT A WARC LINE\n"
    path.write_bytes(bytes(data))


def truncate_tail(path: str | Path, cut: int = 200) -> None:
    """Cut the last `cut` bytes: the last gzip member (or record) ends early, as in an interrupted download."""
    path = Path(path)
    data = path.read_bytes()
    path.write_bytes(data[:-cut])


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=20_000)
    ap.add_argument("--nato-share", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    write_warc(args.out, news_pages(args.pages, args.nato_share, args.seed))


if __name__ == "__main__":
    main()
