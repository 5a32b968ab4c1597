"""A malicious or broken model server: answers too deep, too large or malformed are a calm
"bad_answer", never a crash; and a server is sent at most TEXT_BUDGET characters of a ticket."""

from __future__ import annotations

import json

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from tests.classification import fake_llm
from tests.classification.fake_llm import PATH, answer, completion, request_bodies, settings_for
from ticketflow_desktop.classification import ClassificationError
from ticketflow_desktop.classification.llm import MAX_ANSWER_BYTES, LlmClassifier
from ticketflow_desktop.classification.prompt import TEXT_BUDGET, parse_answer
from ticketflow_desktop.cli import main
from ticketflow_desktop.domain import Category, Priority

llm_server = fake_llm.llm_server


def raw(body: bytes | str) -> Response:
    return Response(body, status=200, content_type="application/json")


def bad_answer(server: HTTPServer) -> ClassificationError:
    with pytest.raises(ClassificationError) as caught:
        LlmClassifier(settings_for(server)).classify("Charged twice", "Card charged twice.")
    return caught.value


@pytest.mark.parametrize(
    "body",
    [
        "[" * 200_000 + "]" * 200_000,  # 400 KB of nesting: over the size cap
        "[" * 20_000 + "]" * 20_000,  # 40 KB: under the cap, deeper than Python's stack
        json.dumps(completion('{"category": ' + "[" * 50_000 + "]" * 50_000 + "}")),
        "not json at all",
        json.dumps({"choices": "nope"}),
        json.dumps({"choices": [{"message": {"content": 42}}]}),
    ],
    ids=["200,000 deep", "20,000 deep", "deep inside the content", "not JSON", "choices not a list", "not text"],
)
def test_hostile_answers_are_bad_answers(llm_server: HTTPServer, body: str) -> None:
    llm_server.expect_request(PATH).respond_with_response(raw(body))
    assert bad_answer(llm_server).kind == "bad_answer"


def test_an_endless_answer_is_not_read_past_the_cap(llm_server: HTTPServer) -> None:
    huge = json.dumps(completion('{"category": "billing", "priority": "high"}' + " " * (8 * 1024 * 1024)))
    llm_server.expect_request(PATH).respond_with_response(raw(huge))
    error = bad_answer(llm_server)
    assert error.kind == "bad_answer" and f"larger than {MAX_ANSWER_BYTES // 1024} KB" in error.message


def test_the_cli_says_bad_answer_and_shows_no_traceback(
    llm_server: HTTPServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LLM_API_KEY", "test-key")
    monkeypatch.setenv("LLM_BASE_URL", llm_server.url_for("/v1"))
    llm_server.expect_request(PATH).respond_with_response(raw("[" * 200_000 + "]" * 200_000))
    assert main(["classify", "Production is down", "--llm", "--json"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["error"] == "bad_answer" and "Traceback" not in err


def test_at_most_the_text_budget_is_sent(llm_server: HTTPServer) -> None:
    llm_server.expect_request(PATH).respond_with_json(answer("technical", "high"))
    description = "log line 0123456789 " * 5_000  # 100,000 characters
    LlmClassifier(settings_for(llm_server)).classify("Crash on start", description)
    [body] = request_bodies(llm_server)
    sent = body["messages"][1]["content"].removeprefix("<ticket>\n").removesuffix("\n</ticket>")
    assert len(sent) == TEXT_BUDGET and sent.startswith("Crash on start\n\nlog line")


def test_a_deep_object_inside_an_answer_does_not_hide_a_good_one() -> None:
    text = "[" * 50_000 + " " + json.dumps({"category": "account", "priority": "low"})
    assert parse_answer(text) == (Category.ACCOUNT, Priority.LOW)
