"""Run the analyse stage on Ray Data: the same stage functions as the local engine.

Ingest (reading and cleaning) and fusion stay on the driver; analysis, the costly spaCy pass,
is mapped over the cluster in batches by an actor pool, each actor loading the model once.
Install with ``pip install 'storyline[ray]'``.
"""

from __future__ import annotations

from typing import Any

from ..errors import StorylineError
from ..model import Analysis, Article, Rejected

__all__ = ["analyse_on_ray"]


class _Analyser:
    """A Ray actor: loads spaCy once, analyses batches of articles given as dicts."""

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import json

        from ..analyse import analyse_isolated

        articles = [Article.from_dict(json.loads(x)) for x in batch["article"]]
        done, failed = analyse_isolated(articles)
        # one row per article in, one out: an analysis, or the rejection that replaced it
        rows = {an.article: json.dumps({"analysis": an.to_dict()}) for an in done}
        rejected = iter(failed)
        return {
            "result": [rows.get(a.id) or json.dumps({"rejected": next(rejected).to_dict()}) for a in articles]
        }


def analyse_on_ray(
    articles: list[Article], workers: int, batch_size: int = 16
) -> tuple[list[Analysis], list[Rejected]]:
    """Analyse on a Ray cluster (a local one is started when none is running); an article whose
    analysis fails comes back as ``Rejected``, as in the local engine."""
    try:
        import ray
    except ImportError as e:
        raise StorylineError("the Ray engine needs the extra: pip install 'storyline[ray]'") from e
    import json

    if not articles:
        return [], []
    if not ray.is_initialized():
        ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False)
    ds = ray.data.from_items([{"article": json.dumps(a.to_dict())} for a in articles])
    out = ds.map_batches(_Analyser, batch_size=batch_size, concurrency=max(1, workers), batch_format="numpy")
    by_id = {}
    failed = []
    for row in out.iter_rows():
        result = json.loads(row["result"])
        if "rejected" in result:
            failed.append(Rejected.from_dict(result["rejected"]))
        else:
            an = Analysis.from_dict(result["analysis"])
            by_id[an.article] = an
    return [by_id[a.id] for a in articles if a.id in by_id], failed
