"""Optional abstractive summary through any OpenAI-compatible chat endpoint (off by default).

The model sees only the extractive sentences, numbered, and must end every sentence it writes
with the numbers it drew on ("[1][3]"). Its sentences inherit those sentences' citations; a
sentence citing nothing, or only numbers that do not exist, is dropped. If the endpoint fails or
leaves nothing citable, the extractive summary stands and the reason is returned as a note.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Citation, SummarySentence

__all__ = ["LLMConfig", "abstractive_summary", "PROMPT"]

PROMPT = (
    "You summarise news coverage. Below are numbered sentences taken from several articles. "
    "Write a concise, neutral summary of {n} sentences or fewer, using only facts in these "
    "sentences. End every sentence with the numbers of the sentences it is based on, in square "
    "brackets, like [1][3]. Do not add anything else.\n\n{sentences}"
)
_MARKERS = re.compile(r"\s*((?:\[\d+(?:\s*,\s*\d+)*\]\s*)+)\s*$")
_SPLIT = re.compile(r"(?<=\])\s+(?=\S)|(?<=[.!?])\s+(?=[A-Z])")


@dataclass(frozen=True)
class LLMConfig:
    """Where the endpoint is: ``url`` is its base (…/v1), ``model`` the name it expects."""

    url: str
    model: str
    timeout: float = 60.0
    api_key: str | None = None


def abstractive_summary(
    extractive: Sequence[SummarySentence], config: LLMConfig
) -> tuple[tuple[SummarySentence, ...], str | None]:
    """Rewritten sentences with inherited citations, or the extractive ones and why."""
    if not extractive:
        return tuple(extractive), None
    numbered = "\n".join(f"[{i}] {s.text}" for i, s in enumerate(extractive, 1))
    prompt = PROMPT.format(n=len(extractive), sentences=numbered)
    try:
        reply = _complete(prompt, config)
    except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
        return tuple(extractive), f"abstractive summary failed ({e}); kept the extractive one"
    out = parse_reply(reply, extractive)
    if not out:
        return tuple(extractive), "abstractive summary cited no sentence; kept the extractive one"
    return out, None


def parse_reply(reply: str, extractive: Sequence[SummarySentence]) -> tuple[SummarySentence, ...]:
    """Split the reply into sentences and map each one's [k] markers to citations."""
    out = []
    for piece in _SPLIT.split(reply.strip()):
        m = _MARKERS.search(piece)
        if not m:
            continue
        text = piece[: m.start()].strip()
        numbers = [int(k) for k in re.findall(r"\d+", m.group(1))]
        cites: dict[Citation, None] = {}
        for k in numbers:
            if 1 <= k <= len(extractive):
                for c in extractive[k - 1].citations:
                    cites[c] = None
        if text and cites:
            out.append(SummarySentence(text, tuple(cites)))
    return tuple(out)


def _complete(prompt: str, config: LLMConfig) -> str:
    body = json.dumps(
        {
            "model": config.model,
            "messages": [{"role": "user", "content": prompt}],
            "temperature": 0,
        }
    ).encode()
    headers = {"Content-Type": "application/json"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    url = config.url.rstrip("/") + "/chat/completions"
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=config.timeout) as resp:
            data = json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        raise ValueError(f"HTTP {e.code} from {url}") from e
    content = data["choices"][0]["message"]["content"]
    if not isinstance(content, str):
        raise ValueError("reply has no text content")
    return content
