"""A chat-completions server on 127.0.0.1 (pytest-httpserver) for the real openai client."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from ticketflow_desktop.config import LlmSettings

PATH = "/v1/chat/completions"


def completion(content: str | None, *, choices: bool = True) -> dict:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "test-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}]
        if choices
        else [],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


def answer(category: str = "billing", priority: str = "high") -> dict:
    return completion(json.dumps({"category": category, "priority": priority}))


def json_response(body: object, status: int = 200, headers: dict | None = None) -> Response:
    return Response(json.dumps(body), status=status, headers=headers, content_type="application/json")


def error_response(status: int, message: str = "error", headers: dict | None = None) -> Response:
    return json_response({"error": {"message": message, "type": "test", "code": None}}, status, headers)


def slow(seconds: float, body: dict):
    def handler(_request: Request) -> Response:
        time.sleep(seconds)
        return json_response(body)

    return handler


def request_bodies(server: HTTPServer) -> list[dict]:
    return [json.loads(request.get_data()) for request, _ in server.log]


def settings_for(server: HTTPServer, **overrides) -> LlmSettings:
    values = {
        "api_key": "test-key",
        "model": "test-model",
        "base_url": server.url_for("/v1"),
        "timeout_s": 5.0,
        "max_retries": 0,
    }
    values.update(overrides)
    return LlmSettings(**values)


def refused_url() -> str:
    """A local port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


@pytest.fixture
def llm_server() -> Iterator[HTTPServer]:
    # Threaded, so that a stalled answer does not hold up the next request.
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture(scope="session")
def trained_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The local model trained once on the starter corpus; tests copy it instead of training again."""
    from ticketflow_desktop.classification.suggest import Suggester

    path = tmp_path_factory.mktemp("model") / "local_model.npz"
    Suggester(path).train()
    return path


def copy_model(source: Path, target: Path) -> Path:
    import shutil

    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    shutil.copyfile(source.with_suffix(".json"), target.with_suffix(".json"))
    return target
