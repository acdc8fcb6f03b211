"""Cross-article actor resolution: one canonical actor however many articles name it.

Ids are already canonical (derived from the canonical name), so most merging is by id. What is
left is a person one article names by a single word ("Blinken" in a headline-only piece): it
joins the one full-named person elsewhere whose name has that word, and is left alone (with a
note) when several do ("Burns": Nicholas or Bill). Unnamed sources never merge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..analyse.actors.organisations import is_org_name
from ..analyse.actors.roles import title_category
from ..knowledge import load_knowledge, name_key
from ..model import Actor, Analysis, Role

__all__ = ["merge_actors"]


def merge_actors(analyses: Sequence[Analysis]) -> tuple[list[Actor], dict[str, str]]:
    """Merge per-article actors; return actors and a local→global id map."""
    records: dict[str, list[Actor]] = {}
    for an in analyses:
        for a in an.actors:
            records.setdefault(a.id, []).append(a)
    # joined once per actor: joining record by record rebuilt the growing mention list each
    # time (an actor named in every article of a 3,000-article story: quadratic)
    merged = {aid: rs[0] if len(rs) == 1 else _join_all(rs) for aid, rs in records.items()}
    remap = {aid: aid for aid in merged}
    _one_kind_per_name(merged, remap)
    _stated_over_known(merged, remap)
    # full-named people (not journalists) by each word of their name, in the actors' order:
    # a single name looks up its possible owners instead of scanning every full name
    owners_of: dict[str, list[Actor]] = {}
    for f in merged.values():
        full_words = name_key(f.name).split()
        if f.kind == "person" and len(full_words) >= 2 and f.sector != "MED":
            for w in dict.fromkeys(full_words):
                owners_of.setdefault(w, []).append(f)
    for a in list(merged.values()):
        words = name_key(a.name).split()
        if a.kind != "person" or len(words) != 1:
            continue
        owners = owners_of.get(words[0], [])
        if len(owners) == 1:
            target = owners[0]
            joined = _join(merged[target.id], a)
            note = f"'{a.name}' (single name in another article) merged: the only person so named"
            merged[target.id] = replace(joined, notes=(*joined.notes, note))
            del merged[a.id]
            remap[a.id] = target.id
        elif len(owners) > 1:
            names = ", ".join(o.name for o in owners)
            merged[a.id] = replace(a, notes=(*a.notes, f"'{a.name}' could be {names}; not merged"))
    for aid in remap:  # follow chains
        goal = remap[aid]
        while remap.get(goal, goal) != goal:
            goal = remap[goal]
        remap[aid] = goal
    return list(merged.values()), remap


def _one_kind_per_name(merged: dict[str, Actor], remap: dict[str, str]) -> None:
    """One name, one kind: an "organisation" named like a person with a first and last name
    (NER read "Claire Donnelly of the X Institute" as one organisation) joins the person; a
    one-word "person" named like an organisation ("Bakamla", an agency tagged PERSON where no
    apposition said what it is) joins the organisation."""
    people = {name_key(a.name): a.id for a in merged.values() if a.kind == "person"}
    orgs = {name_key(a.name): a.id for a in merged.values() if a.kind == "organisation"}
    for key, oid in orgs.items():
        pid = people.get(key)
        if pid is None:
            continue
        org, person = merged[oid], merged[pid]
        if len(key.split()) >= 2 and not is_org_name(org.name):
            src, dst, why = org, person, "a person's first and last name, tagged as an organisation elsewhere"
        elif len(key.split()) == 1:
            src, dst, why = person, org, "an organisation's name, tagged as a person elsewhere"
        else:
            continue
        joined = _join(dst, replace(src, kind=dst.kind))
        merged[dst.id] = replace(joined, notes=(*joined.notes, f"'{src.name}' merged: {why}"))
        del merged[src.id]
        remap[src.id] = dst.id


def _stated_over_known(merged: dict[str, Actor], remap: dict[str, str]) -> None:
    """A person some article only filled in from the knowledge file ("the Australian foreign
    minister" read as that day's office holder, never named) is the person the story itself
    names as holding that office, when exactly one does: the text beats the knowledge file."""
    kn = load_knowledge()
    stated: dict[tuple[str, str], set[str]] = {}
    for a in merged.values():
        if a.kind != "person" or not a.aliases:
            continue
        for r in a.roles:
            if r.source != "text" or re.search(r"\b(?:former|then|ex-)\b", r.title, re.I):
                continue
            cat, _ = title_category(r.title, kn)
            country = r.country or a.country
            if cat and country:
                stated.setdefault((cat, country), set()).add(a.id)
    for a in list(merged.values()):
        if a.kind != "person" or a.aliases or not any(n.startswith("knowledge fill") for n in a.notes):
            continue  # named somewhere in the story: a real participant, kept
        offices = {(title_category(r.title, kn)[0], r.country or a.country) for r in a.roles}
        named = {pid for office in offices for pid in stated.get(office, set())} - {a.id}  # type: ignore[arg-type]
        if len(named) != 1:
            continue
        target = merged[named.pop()]
        joined = _join(target, replace(a, name=target.name, roles=(), notes=()))
        note = (
            f"role phrases filled from the knowledge file as {a.name} belong to {target.name},"
            " whom the story names as holding that office"
        )
        merged[target.id] = replace(joined, notes=(*joined.notes, note))
        del merged[a.id]
        remap[a.id] = target.id


def _join(cur: Actor, a: Actor) -> Actor:
    """Union of two records of one actor (see :func:`_join_all`)."""
    return _join_all([cur, a])


def _join_all(records: Sequence[Actor]) -> Actor:
    """Union of several records of one actor, the same as joining them one by one: the first
    record's kind wins, its name unless a later person's name is longer, the first country and
    sector given; a disagreement on country is kept as a note for the conflicts stage."""
    first = records[0]
    name, country, sector = first.name, first.country, first.sector
    notes = dict.fromkeys(first.notes)
    roles: dict[object, Role] = {}
    aliases = dict.fromkeys(first.aliases)
    mentions = dict.fromkeys(first.mentions)
    _add_roles(roles, first.roles)
    for a in records[1:]:
        notes.update(dict.fromkeys(a.notes))
        if country and a.country and country != a.country:
            notes[f"country: {country} in one article, {a.country} in another"] = None
        if not (len(name) >= len(a.name) or first.kind != "person"):
            name = a.name
        country = country or a.country
        sector = sector or a.sector
        _add_roles(roles, a.roles)
        aliases.update(dict.fromkeys(a.aliases))
        mentions.update(dict.fromkeys(a.mentions))
    return Actor(
        id=first.id,
        name=name,
        kind=first.kind,
        country=country,
        sector=sector,
        roles=tuple(roles.values()),
        aliases=tuple(aliases),
        mentions=tuple(mentions),
        notes=tuple(notes),
    )


def _add_roles(kept: dict[object, Role], roles: Sequence[Role]) -> None:
    """Text roles all kept (each has its own span); knowledge roles once each."""
    for r in roles:
        key = (r.title, r.start, r.end) if r.source == "knowledge" else (r.title, r.span)
        kept.setdefault(key, r)
