"""The eval gate: score the pipeline against a hand-annotated gold corpus.

``python -m storyline.evaluate GOLD --floors FLOORS`` analyses the folder holding GOLD, prints
precision / recall / F1 per kind (junk lines, quotes, events, actors, dates) and exits non-zero
when any score is below its pinned floor. Floors only ever rise (``--raise-floors`` writes the
current scores, rounded down, wherever they beat the pinned ones).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Analysis, Article, Event, Story

__all__ = ["Score", "score_story", "main"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def _words(s: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", _norm(s)))


def _same_text(a: str, b: str) -> bool:
    """Quote texts match when one contains the other or they share most words."""
    na, nb = _norm(a).strip(" ,.\"'"), _norm(b).strip(" ,.\"'")
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return min(len(na), len(nb)) / max(len(na), len(nb)) >= 0.5
    wa, wb = _words(na), _words(nb)
    return len(wa & wb) / max(1, len(wa | wb)) >= 0.6


def _same_person(gold: str, names: Iterable[str]) -> bool:
    """A gold speaker matches when the predicted name shares its surname-bearing words."""
    g = _words(gold) - {"mr", "ms", "mrs", "dr", "the", "a", "an"}
    for n in names:
        w = _words(n) - {"mr", "ms", "mrs", "dr", "the", "a", "an"}
        if g and w and (g <= w or w <= g or (len(g & w) >= 2)):
            return True
    return False


#: The gold names events in reporters' words; these are the PLOVER categories (and modes) each
#: may be coded as. PLOVER folds meetings and visits into CONSULT and demands into REQUEST.
GOLD_EVENT_TYPES: dict[str, tuple[frozenset[str], str | None]] = {
    "MEET": (frozenset({"CONSULT"}), None),
    "VISIT": (frozenset({"CONSULT"}), None),
    "CONSULT": (frozenset({"CONSULT"}), None),
    "AGREE": (frozenset({"AGREE", "COOPERATE"}), None),
    "ACCUSE": (frozenset({"ACCUSE"}), None),
    "DEMAND": (frozenset({"REQUEST", "DEMAND"}), None),
    "THREATEN": (frozenset({"THREATEN"}), None),
    "ANNOUNCE": (frozenset({"STATEMENT"}), None),
    "MILITARY": (frozenset({"MOBILIZE", "ASSAULT", "COERCE"}), None),
    "POSTPONE": (frozenset(), "cancelled"),
    "CANCEL": (frozenset(), "cancelled"),
}


def _event_matches(e: Event, gold: dict[str, Any]) -> bool:
    types, mode = GOLD_EVENT_TYPES.get(gold["type"], (frozenset({gold["type"]}), None))
    if mode is not None and e.mode != mode:
        return False
    if types and e.type not in types:
        return False
    return gold.get("date") is None or (e.date or "") == gold["date"]


def _plain(name: str) -> str:
    return name.replace("(unnamed)", "").strip()


def _kind(gold_actor: dict[str, Any]) -> str:
    """The gold marks unnamed sources "(unnamed)"; the model gives them their own kind."""
    return "unnamed" if "(unnamed)" in gold_actor["name"] else str(gold_actor["kind"])


def _by_file(story: Story) -> dict[str, Article]:
    return {Path(a.source).name: a for a in story.articles}


def score_story(story: Story, gold: dict[str, Any], analyses: Iterable[Analysis] = ()) -> dict[str, Score]:
    """Compare a story with the gold annotation; returns a Score per kind.

    The gold is per article, so time expressions and events are scored on each article's own
    ``analyses`` (before fusion merges reports across outlets); without analyses, events are
    taken from the story.
    """
    per_article = {an.article: an for an in analyses}
    refs = [t for an in per_article.values() for t in an.timerefs]
    files = _by_file(story)
    actors = {a.id: a for a in story.actors}
    scores = {k: Score() for k in ("junk", "body", "quotes", "speakers", "events", "dates", "actors")}
    scores["conflicts"] = score_conflicts(story, gold)
    for fname, g in gold["articles"].items():
        art = files.get(fname)
        if art is None:
            for k in ("junk", "quotes", "events"):
                scores[k].fn += len(g.get(k, []))
            continue
        # junk: lines cut vs lines annotated as junk or non-body
        gold_cut = {_norm(x) for x in g.get("junk", [])} | {_norm(x["text"]) for x in g.get("non_body", [])}
        # a removed piece may hold several lines; junk lines can be single words, so compare lines
        cut = [_norm(line) for r in art.removed for line in r.text.splitlines() if line.strip()]
        # a marked piece (a heading, a dateline) stays in the body for analysis to skip: it finds
        # a non-body line, and is no wrong cut when the gold does not list it
        cut_set = set(cut) | {_norm(line) for r in art.marked for line in r.text.splitlines() if line.strip()}
        for gc in gold_cut:
            if gc in cut_set or (len(gc) > 40 and any(gc in c for c in cut)):
                scores["junk"].tp += 1
            else:
                scores["junk"].fn += 1
        body_gold = [_norm(s) for s in g.get("body_sentences", [])]
        text = _norm(art.text)
        # a cut is wrong unless the gold calls that line junk, non-body, a repeated line or the title
        allowed = gold_cut | {_norm(x) for x in g.get("duplicate_lines", [])} | {_norm(g.get("title") or "")}
        for c in cut:
            if c not in allowed and not any(len(a) > 40 and (a in c or c in a) for a in allowed):
                scores["junk"].fp += 1
        for b in body_gold:
            if b in text:
                scores["body"].tp += 1
            else:
                scores["body"].fn += 1
        if g.get("duplicate_of"):
            continue  # a wire copy is not analysed twice; its facts live on the canonical copy
        # quotes (text), and speakers among the matched quotes
        preds = [q for q in story.quotes if q.article == art.id]
        used: set[str] = set()
        for gq in g.get("quotes", []):
            hit = next((q for q in preds if q.id not in used and _same_text(q.text, gq["text"])), None)
            if hit is None:
                scores["quotes"].fn += 1
                scores["speakers"].fn += 1
                continue
            used.add(hit.id)
            scores["quotes"].tp += 1
            names = [hit.speaker_name or ""]
            if hit.speaker and hit.speaker in actors:
                names += [actors[hit.speaker].name, *actors[hit.speaker].aliases]
            if _same_person(gq["speaker"], names):
                scores["speakers"].tp += 1
            else:
                scores["speakers"].fp += 1
                scores["speakers"].fn += 1
        scores["quotes"].fp += sum(1 for q in preds if q.id not in used)
        # events: a compatible type and the same date (as precise as the gold states)
        own = per_article.get(art.id)
        evs = (
            list(own.events)
            if own is not None
            else [e for e in story.events if any(ev.article == art.id for ev in e.evidence)]
        )
        used = set()
        for ge in g.get("events", []):
            ehit = next((e for e in evs if e.id not in used and _event_matches(e, ge)), None)
            if ehit is None:
                scores["events"].fn += 1
            else:
                used.add(ehit.id)
                scores["events"].tp += 1
        scores["events"].fp += sum(1 for e in evs if e.id not in used)
        # dates: gold time expressions resolved right
        analysis_refs = g.get("timerefs", [])
        story_refs = [t for t in refs if t.span.article == art.id]
        for gt in analysis_refs:
            # the gold keeps the preposition ("on Sunday"); a tagger may span just "Sunday"
            gtext = _norm(gt["text"])
            ok = any(
                (gtext in _norm(t.text) or _norm(t.text) in gtext) and t.date == gt["date"]
                for t in story_refs
            )
            scores["dates"].tp += ok
            scores["dates"].fn += not ok
    # actors: gold actors found with the right country
    for ga in gold.get("actors", []):
        ahit = next(
            (a for a in story.actors if _same_person(_plain(ga["name"]), [a.name]) and a.kind == _kind(ga)),
            None,
        )
        if ahit is None:
            scores["actors"].fn += 1
        elif ga.get("country") and ahit.country != ga["country"]:
            scores["actors"].fp += 1
            scores["actors"].fn += 1
        else:
            scores["actors"].tp += 1
    return scores


def score_conflicts(story: Story, gold: dict[str, Any]) -> Score:
    """Conflicts raised (verdict conflict or needs checking) against those the gold plants.

    A gold conflict is found when a raised one of its kind has every side in the gold's files
    and shows the gold's ``words`` among its sides; another raised pair showing the same words is
    the same finding, not counted again; any other raised conflict is a false alarm.
    """
    files = {a.id: Path(a.source).name for a in story.articles}
    planted = [
        *gold.get("conflicts", []),
        *({**g, "files": [g["file"]]} for g in gold.get("internal_inconsistencies", [])),
    ]
    raised = [c for c in story.conflicts if c.verdict != "compatible"]
    hits: set[int] = set()
    score = Score()
    for g in planted:
        found = [
            i
            for i, c in enumerate(raised)
            if c.kind == g.get("kind", c.kind)
            and all(files.get(s.article) in g["files"] for s in c.sides)
            and all(any(w in s.text for s in c.sides) for w in g.get("words", []))
        ]
        score.tp += bool(found)
        score.fn += not found
        # another pair showing the gold's words is the same finding; without words, only one is
        hits.update(found if g.get("words") else found[:1])
    score.fp = len(raised) - len(hits)
    return score


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="storyline.evaluate", description=__doc__)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--floors", type=Path, required=True)
    ap.add_argument(
        "--raise-floors", action="store_true", help="write current scores where they beat the floors"
    )
    args = ap.parse_args(argv)
    from .analyse import analyse_articles
    from .fuse import fuse
    from .ingest import ingest
    from .settings import Settings

    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=Path(tmp) / "eval.duckdb", out=Path(tmp))
        ing = ingest([str(args.gold.parent)], settings)
        analyses = list(analyse_articles(a for a in ing.articles if a.duplicate_of is None))
    story = fuse(ing.articles, analyses, ing.rejected)
    scores = score_story(story, gold, analyses)
    floors = json.loads(args.floors.read_text(encoding="utf-8")) if args.floors.exists() else {}
    failed = []
    print(f"{'kind':10} {'P':>6} {'R':>6} {'F1':>6}  floor(F1)")
    if not gold["articles"]:  # a story annotated for its conflicts only
        scores = {"conflicts": scores["conflicts"]}
    for kind, s in scores.items():
        floor = floors.get(kind, {}).get("f1", 0.0)
        flag = "" if s.f1 + 1e-9 >= floor else "  BELOW FLOOR"
        print(f"{kind:10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  {floor:.3f}{flag}")
        if flag:
            failed.append(kind)
        if args.raise_floors and s.f1 > floor:
            floors[kind] = {"f1": int(s.f1 * 100) / 100}
    if args.raise_floors:
        args.floors.parent.mkdir(parents=True, exist_ok=True)
        args.floors.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if failed:
        print(f"eval gate failed: {', '.join(failed)} below the pinned floor", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
