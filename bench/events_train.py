"""Train the sentence event-type classifier shipped as data/event_model.json (dev time only).

Usage: ``python bench/events_train.py [--sentences bench/data/event_sentences.tsv] [--out PATH]``
(needs scikit-learn: ``pip install scikit-learn``).

Training data, all of it written for this project (so the weights carry no third-party licence):
the hand-written sentences in bench/data/event_sentences.tsv (TYPE<TAB>TEXT) and one feature bag
per pattern of data/event_lexicon.json (the pattern's words beside two entity markers). Public
coded sentences (the PLOVER gold-standard records) are used only to score, in events_plover.py.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "storyline" / "data"


def lexicon_bags(per_pattern: int = 3) -> list[tuple[str, list[str]]]:
    raw = json.loads((DATA / "event_lexicon.json").read_text(encoding="utf-8"))
    rng = random.Random(7)
    out = []
    for code in raw["codes"]:
        for pattern in code["verbs"] + code["nouns"]:
            words = [w.lstrip("~+>@") for w in pattern.split()]
            alts = [w.split("|") for w in words]
            for _ in range(per_pattern):
                bag = [rng.choice(a) for a in alts]
                bag = ["ent:PERSON" if w == "PERSON" else w for w in bag]  # "release PERSON|prisoner"
                ents = rng.sample(["ent:GPE", "ent:ORG", "ent:PERSON", "ent:NORP"], 2)
                out.append((code["type"], [*ents, *bag, "root:" + bag[0]]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=Path, default=ROOT / "bench" / "data" / "event_sentences.tsv")
    ap.add_argument("--out", type=Path, default=DATA / "event_model.json")
    ap.add_argument("--C", type=float, default=2.0)
    ap.add_argument("--bags", type=int, default=2, help="feature bags per lexicon pattern")
    ap.add_argument("--weight", type=float, default=10.0, help="weight of a hand-written sentence")
    args = ap.parse_args()
    if not args.sentences.is_file():
        sys.exit(f"{args.sentences}: no such file")
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from storyline.analyse.events.classify import features
    from storyline.analyse.nlp import load_nlp

    nlp = load_nlp()
    samples: list[tuple[str, list[str]]] = []
    for n, line in enumerate(args.sentences.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        kind, _, text = line.partition("\t")
        if not text:
            sys.exit(f"{args.sentences}:{n}: expected TYPE<TAB>TEXT")
        doc = nlp(text)
        for sent in doc.sents:
            samples.append((kind, features(sent)))
    hand = len(samples)
    samples += lexicon_bags(args.bags)
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in feats} for _, feats in samples])
    y = [k for k, _ in samples]
    weight = [args.weight if i < hand else 1.0 for i in range(len(samples))]  # real sentences count more
    clf = LogisticRegression(C=args.C, max_iter=2000)
    clf.fit(X, y, sample_weight=weight)
    names = vec.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        # sparse: only weights of 0.15 or more (a smaller file, the same accuracy on the train split)
        col = [
            [i, round(float(clf.coef_[i][j]), 2)]
            for i in range(len(clf.classes_))
            if abs(clf.coef_[i][j]) >= 0.15
        ]
        if col:
            weights[str(name)] = col
    model = {
        "about": "Sentence event-type classifier (PLOVER type or NONE): multinomial logistic regression "
        "over lemmas, entity kinds, negation and modal auxiliaries (storyline.analyse.events.classify). "
        "Rebuild with bench/events_train.py.",
        "licence": "Trained only on text written for this project: bench/data/event_sentences.tsv "
        f"({hand} hand-written sentences) and feature bags made from data/event_lexicon.json. No third-party "
        "text; the weights are under the project's own licence.",
        "trained_with": f"scikit-learn LogisticRegression(C={args.C}), {len(samples)} samples "
        f"({args.bags} bags a pattern, sentences weighted {args.weight})",
        "classes": [str(c) for c in clf.classes_],
        "intercept": [round(float(b), 3) for b in clf.intercept_],
        "weights": weights,
    }
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"{len(samples)} samples ({hand} sentences), {len(weights)} features -> {args.out} "
        f"({args.out.stat().st_size // 1024} KiB)"
    )


if __name__ == "__main__":
    main()
