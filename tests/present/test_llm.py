"""Abstractive mode against a local stub of the OpenAI chat-completions protocol."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import pytest
import story_fixture as f

from storyline.model import Citation, SummarySentence
from storyline.present.build import build_presentation
from storyline.present.llm import LLMConfig, abstractive_summary, parse_reply

EXTRACTIVE = (
    SummarySentence("Ministers signed the pact on Monday.", (Citation("a", 0, 36),)),
    SummarySentence("Patrols start in July.", (Citation("b", 10, 32), Citation("c", 5, 27))),
)


class _Stub(BaseHTTPRequestHandler):
    reply: ClassVar[str] = ""
    status: ClassVar[int] = 200
    seen: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append({"path": self.path, "body": body})
        data = json.dumps({"choices": [{"message": {"role": "assistant", "content": type(self).reply}}]})
        self.send_response(type(self).status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(data.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stub() -> Iterator[type[_Stub]]:
    handler = type("Stub", (_Stub,), {"seen": [], "reply": "", "status": 200})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    handler.url = f"http://127.0.0.1:{server.server_address[1]}/v1"  # type: ignore[attr-defined]
    yield handler
    server.shutdown()


def test_request_follows_the_protocol(stub: Any) -> None:
    stub.reply = "The pact was signed. [1]"
    abstractive_summary(EXTRACTIVE, LLMConfig(stub.url, "tiny"))
    (call,) = stub.seen
    assert call["path"] == "/v1/chat/completions"
    assert call["body"]["model"] == "tiny"
    assert call["body"]["messages"][0]["role"] == "user"
    assert "[2] Patrols start in July." in call["body"]["messages"][0]["content"]


def test_rewritten_sentences_inherit_citations(stub: Any) -> None:
    stub.reply = "Ministers signed a pact. [1] Joint patrols begin in July. [2]"
    out, note = abstractive_summary(EXTRACTIVE, LLMConfig(stub.url, "tiny"))
    assert note is None
    assert out == (
        SummarySentence("Ministers signed a pact.", EXTRACTIVE[0].citations),
        SummarySentence("Joint patrols begin in July.", EXTRACTIVE[1].citations),
    )


@pytest.mark.parametrize(
    ("reply", "texts"),
    [
        ("Signed. [1][2]", ["Signed."]),
        ("Signed. [1, 2]", ["Signed."]),
        ("Uncited sentence. Cited one. [2]", ["Cited one."]),
        ("Invented source. [7]", []),
    ],
)
def test_parse_reply_keeps_only_cited_sentences(reply: str, texts: list[str]) -> None:
    assert [s.text for s in parse_reply(reply, EXTRACTIVE)] == texts


def test_failing_endpoint_keeps_the_extractive_summary(stub: Any) -> None:
    stub.status = 500
    out, note = abstractive_summary(EXTRACTIVE, LLMConfig(stub.url, "tiny"))
    assert out == EXTRACTIVE
    assert note is not None and note.startswith("abstractive summary failed (HTTP 500")


def test_reply_without_citations_keeps_the_extractive_summary(stub: Any) -> None:
    stub.reply = "A summary with no markers at all."
    out, note = abstractive_summary(EXTRACTIVE, LLMConfig(stub.url, "tiny"))
    assert out == EXTRACTIVE
    assert note == "abstractive summary cited no sentence; kept the extractive one"


def test_build_presentation_uses_the_endpoint_only_when_asked(stub: Any) -> None:
    stub.reply = "New Zealand and Fiji signed a pact. [1]"
    plain = build_presentation(f.story(), summary_sentences=3)
    assert stub.seen == []
    rewritten = build_presentation(f.story(), summary_sentences=3, llm=LLMConfig(stub.url, "tiny"))
    assert [s.text for s in rewritten.summary] == ["New Zealand and Fiji signed a pact."]
    assert rewritten.summary[0].citations == plain.summary[0].citations
