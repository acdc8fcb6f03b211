# ruff: noqa: E501  (the templates are HTML pages written out as text; their lines are the markup)
"""Write the HTML page set for bench/bench_extraction.py: bodies in many page templates.

Each body in ``eval/junk/bodies`` (written for this project: news, blog, long-read, recipe,
table, interview, live blog, review, brief; English, Spanish, German, Portuguese, Japanese)
is set in two of six templates (a news site, a blog with comments, a magazine long-read in many
nested blocks, a bare old-CMS table layout of <br> lines, a portal with sidebars, a long-form
page whose body is split over several same-class containers), in the body's own language. ``<name>.html`` is the page, ``<name>.txt`` the gold body: the article's text
without its headline. Run from the repository root: python bench/pages/make_pages.py
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BODIES = ROOT / "eval" / "junk" / "bodies"
OUT = Path(__file__).parent

LANG = {"es": "es", "de": "de", "ja": "ja", "pt": "pt"}
SHARE = {
    "en": ["Share", "Tweet", "Email", "Copy link"],
    "es": ["Compartir", "Tuitear", "Correo"],
    "de": ["Teilen", "Twittern", "E-Mail"],
    "ja": ["シェア", "ツイート", "メール"],
    "pt": ["Compartilhar", "Tweetar", "E-mail"],
}
MORE = {
    "en": "Read more",
    "es": "Lea también",
    "de": "Lesen Sie auch",
    "ja": "あわせて読みたい",
    "pt": "Leia também",
}


def e(s: str) -> str:
    return html.escape(s, quote=True)


def paragraphs(lines: list[str]) -> str:
    """Body lines as HTML: headings, list items and table rows get their own elements."""
    out: list[str] = []
    rows: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if rows:
            cells = [r.split(" | ") for r in rows]
            head = "".join(f"<th>{e(c)}</th>" for c in cells[0])
            body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in cells[1:])
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
            rows.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for line in lines:
        if " | " in line:
            rows.append(line)
            continue
        listy = line[:1].isdigit() and not line.rstrip().endswith((".", "?", "!")) and "–" not in line[:3]
        if listy or (line[:2].isdigit() and " de " in line[:12]):
            items.append(line)
            continue
        flush()
        short = len(line.split()) <= 8 and not line.rstrip().endswith((".", "?", "!", "。", "”", '"'))
        out.append(f"<h2>{e(line)}</h2>" if short else f"<p>{e(line)}</p>")
    flush()
    return "\n".join(out)


def news(title: str, body: list[str], lang: str) -> str:
    share = "".join(f'<li><a href="#">{s}</a></li>' for s in SHARE[lang])
    half = len(body) // 2 or 1
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{e(title)} | Coast Daily</title>
<meta property="og:site_name" content="Coast Daily"><meta property="og:title" content="{e(title)}">
<meta property="article:published_time" content="2025-03-12T08:30:00+00:00"></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you agree to our
<a href="/privacy">privacy policy</a>.</p><button>Accept all</button><button>Manage preferences</button></div>
<header><a href="/" class="logo">Coast Daily</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/business">Business</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>
<main><nav class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a></nav>
<article><h1>{e(title)}</h1><div class="byline">By Coast Daily staff · <time datetime="2025-03-12">12 March 2025</time></div>
<ul class="share">{share}</ul>
<figure><img src="a.jpg" alt=""><figcaption>File picture. Photo: Coast Daily</figcaption></figure>
<div class="article-body">{paragraphs(body[:half])}
<aside class="inline-related"><h3>{MORE[lang]}</h3><ul><li><a href="/x">Council budget talks stall again</a></li></ul></aside>
<div class="ad">Advertisement</div>
{paragraphs(body[half:])}</div>
<div class="newsletter"><h3>The Morning Briefing</h3><p>Sign up to get the top stories in your inbox every morning.</p>
<form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>
</article>
<section class="related"><h2>Most read</h2><ol><li><a href="/a">Ferry timetable changes from Monday</a></li>
<li><a href="/b">Hospital car park fees to rise</a></li><li><a href="/c">Five walks for a wet weekend</a></li></ol></section>
</main><footer><p>© 2025 Coast Daily Media Ltd. All rights reserved.</p><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
</body></html>"""


def blog(title: str, body: list[str], lang: str) -> str:
    comments = "".join(
        f'<li class="comment"><div class="comment-author">{who}</div><div class="comment-content"><p>{e(text)}</p></div>'
        f'<a class="reply" href="#">Reply</a></li>'
        for who, text in [
            (
                "Marta K.",
                "Great post, thanks for writing this up. We tried something similar last year and "
                "it worked better than we expected, though the first month was hard going.",
            ),
            ("dave_on_the_hill", "Not sure I agree with all of it but it gave me something to think about."),
            (
                "Ana from Leeds",
                "I have read this twice now and I keep coming back to the same question, which is whether "
                "the people who write these pieces ever talk to the people who live with the consequences. "
                "My street went through something very like this four years ago and nobody asked us anything "
                "until the decision had been made, and by then the only thing left to argue about was the "
                "colour of the fence. I would love to see a follow-up that goes and knocks on a few doors.",
            ),
            (
                "Pete W",
                "Thanks for this. Long comment, sorry. We had the same debate in our village hall last winter "
                "and it went on for three evenings. In the end the vote was close and half the room went home "
                "unhappy, which I suppose is how these things usually go. What struck me most was how little "
                "anyone trusted the figures, from either side, and how much of the argument was really about "
                "who had been asked first. Worth a second article, I think.",
            ),
        ]
    )
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{e(title)} – Notes from the Hill</title>
<meta name="author" content="R. Ellison"></head><body class="single-post">
<div id="masthead"><p class="site-title"><a href="/">Notes from the Hill</a></p><p class="site-description">A small blog about
large questions</p></div><div id="content"><div id="primary">
<article class="post"><header class="entry-header"><h1 class="entry-title">{e(title)}</h1>
<div class="entry-meta">Posted on <time class="entry-date" datetime="2024-09-03T07:15:00">September 3, 2024</time> by R. Ellison</div></header>
<div class="entry-content">{paragraphs(body)}</div>
<footer class="entry-footer">Posted in <a href="/c/life">Life</a> · Tagged <a href="/t/1">home</a>, <a href="/t/2">notes</a></footer>
</article>
<nav class="post-navigation"><a href="/prev">← Previous post</a> <a href="/next">Next post →</a></nav>
<div id="comments"><h2 class="comments-title">2 thoughts on “{e(title)}”</h2><ol class="comment-list">{comments}</ol>
<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div></div>
</div><aside id="secondary"><section class="widget"><h2>Archives</h2><ul><li>August 2024</li><li>July 2024</li></ul></section>
<section class="widget"><h2>Subscribe</h2><p>Enter your email address to follow this blog and receive notifications of new posts.</p></section>
</aside></div><footer id="colophon">Proudly powered by a blogging platform</footer></body></html>"""


def magazine(title: str, body: list[str], lang: str) -> str:
    parts = []
    for i, line in enumerate(body):
        inner = paragraphs([line])
        if i == 1:
            parts.append(
                '<aside class="pullquote"><blockquote>“The valley will still be beautiful.”</blockquote></aside>'
            )
        if i == 2:
            parts.append(
                '<div class="paywall-note"><p>You are reading your 2 of 3 free articles this month. '
                '<a href="/subscribe">Subscribe for unlimited access.</a></p></div>'
            )
        parts.append(
            f'<div class="rich-text-block"><div class="inner"><section>{inner}</section></div></div>'
        )
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{e(title)}</title>
<meta property="og:site_name" content="The Long Read Quarterly">
<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2024-11-20T06:00:00Z","headline":"{e(title)}"}}</script>
</head><body><div class="site-header"><a href="/">The Long Read Quarterly</a><a href="/subscribe">Subscribe</a><a href="/login">Sign in</a></div>
<div class="hero"><h1>{e(title)}</h1><p class="dek">A reporting trip, in words.</p><div class="credits">Words by Ines Calloway · Photographs by Tom Ruhl</div></div>
<div class="story">{"".join(parts)}</div>
<div class="author-bio"><p>Ines Calloway is a contributing writer. Her last piece for us was about river ferries.</p></div>
<div class="more-stories"><h2>More long reads</h2><a href="/1">The salt road</a><a href="/2">Winter on the ward</a></div>
<footer>The Long Read Quarterly · About · Contact · Advertise</footer></body></html>"""


def oldcms(title: str, body: list[str], lang: str) -> str:
    text = "<br><br>\n".join(e(x) for x in body)
    return f"""<html><head><title>{e(title)}</title></head><body><table width="100%"><tr><td class="left">
<a href="/">HOME</a><br><a href="/local">LOCAL</a><br><a href="/sports">SPORTS</a><br><a href="/obits">OBITUARIES</a></td>
<td class="main"><font size="5"><b>{e(title)}</b></font><br><font size="2">Posted: March 12, 2025</font><br><br>
<div class="storytext">{text}</div><br><a href="/print">Print this story</a> | <a href="/email">Email this story</a></td>
<td class="right"><b>Weather</b><br>Partly cloudy, 14°<br><br><b>Classifieds</b><br>Garage sale Saturday 8am</td></tr></table>
<div class="foot">Copyright 2025 Valley Gazette. All rights reserved.</div></body></html>"""


def portal(title: str, body: list[str], lang: str) -> str:
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{e(title)} - MetroNow</title>
<meta name="description" content="{e(body[0][:150])}"><meta property="og:site_name" content="MetroNow"></head><body>
<div id="top-bar">Breaking: Storm warning for the coast tonight <a href="/live">Watch live</a></div>
<div class="layout"><div class="sidebar-left"><h4>Sections</h4><a href="/">Front page</a><a href="/metro">Metro</a><a href="/world">World</a></div>
<div class="content"><h1 class="headline">{e(title)}</h1><span class="timestamp">Updated 3 hours ago</span>
<div class="listen">Listen to this article · 4 min</div>
<div id="article-text" class="text">{paragraphs(body)}</div>
<div class="tags">Topics: <a href="/t/a">Metro</a>, <a href="/t/b">Politics</a></div>
<div class="survey"><p>Take our two-minute reader survey and help shape our coverage.</p></div></div>
<div class="sidebar-right"><h4>Trending now</h4><ul><li><a href="/1">Stadium plan approved</a></li><li><a href="/2">New bus routes</a></li></ul>
<div class="ad-slot">Sponsored: Refinance your home today</div></div></div>
<footer>MetroNow © 2025 · Privacy · Cookie settings</footer></body></html>"""


def longform(title: str, body: list[str], lang: str) -> str:
    """The body split over several same-class containers with figures and ads between them:
    the page shape on which an extractor that takes the first body container keeps a fraction."""
    chunks = [body[i : i + 2] for i in range(0, len(body), 2)]
    secs = "".join(
        f'<div class="article-body"><div class="body__inner">{paragraphs(c)}</div></div>'
        f'<figure><img src="p{i}.jpg" alt=""><figcaption>Along the route, in an earlier year. Photo: Archive</figcaption></figure>'
        f'<div class="ad-container"><span>Advertisement</span></div>'
        for i, c in enumerate(chunks)
    )
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{e(title)} | The Atlas Review</title>
<meta property="og:site_name" content="The Atlas Review"><meta property="article:published_time" content="2024-06-02T05:00:00Z"></head>
<body><header><nav><a href="/">The Atlas Review</a> <a href="/culture">Culture</a> <a href="/science">Science</a> <a href="/newsletters">Newsletters</a></nav></header>
<main><article><header><h1>{e(title)}</h1><p class="byline">By Leonie Faraday</p><time datetime="2024-06-02">June 2, 2024</time></header>
{secs}<div class="article-footer"><p>Leonie Faraday is a staff writer at The Atlas Review.</p></div></article>
<section class="recirc"><h2>Read next</h2><a href="/a">A winter with the lighthouse keepers</a><a href="/b">The orchard that outlived its owners</a></section></main>
<footer>© 2024 The Atlas Review. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>"""


TEMPLATES: dict[str, Callable[[str, list[str], str], str]] = {
    "longform": longform,
    "news": news,
    "blog": blog,
    "magazine": magazine,
    "oldcms": oldcms,
    "portal": portal,
}
#: two templates per body, cycling so each template sees several styles and languages
ORDER = ["news", "blog", "magazine", "oldcms", "portal", "longform"]


def main() -> None:
    for old in OUT.glob("*.html"):
        old.unlink()
    for old in OUT.glob("*.txt"):
        old.unlink()
    for k, path in enumerate(sorted(BODIES.glob("*.txt"))):
        lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        headed = len(lines) > 1 and not lines[0].endswith((".", "。", '"', "”"))  # a headline, not a lead
        title, body = (lines[0], lines[1:]) if headed else ("Latest news", lines)
        lang = LANG.get(path.stem[:2], "en")
        for t in (ORDER[k % len(ORDER)], ORDER[(k + 2) % len(ORDER)]):
            name = f"{path.stem}.{t}"
            (OUT / f"{name}.html").write_text(TEMPLATES[t](title, body, lang), encoding="utf-8")
            (OUT / f"{name}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
