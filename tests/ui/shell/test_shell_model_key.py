"""A saved API key belongs to the server it was saved for: a changed base URL needs the key typed
again, and plain http:// to another computer needs the user's explicit yes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from tests.classification import fake_llm
from tests.classification.fake_llm import PATH, answer
from tests.ui.shell.conftest import MemoryKeyring
from ticketflow_desktop import config
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.dialogs.settings import SAVED_SECRET_HINT, SettingsDialog
from ticketflow_desktop.ui.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
KEY_A = "sk-server-a-7Hq2"
llm_server = fake_llm.llm_server


@pytest.fixture
def other_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def dialog(qtbot: QtBot, settings: Settings, make_app) -> SettingsDialog:
    app = make_app(settings=settings, open_database=False, tab=None)
    dialog = SettingsDialog(app.context, None, app.window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def saved_for(settings: Settings, server: HTTPServer) -> None:
    settings.set("llm_base_url", server.url_for("/v1"))
    assert settings.set_llm_key(server.url_for("/v1"), KEY_A)


def test_the_saved_key_is_not_sent_to_a_server_typed_in_the_form(
    qtbot: QtBot, settings: Settings, memory_keyring: MemoryKeyring, llm_server: HTTPServer, other_server: HTTPServer
) -> None:
    saved_for(settings, llm_server)
    llm_server.expect_request(PATH).respond_with_json(answer())
    other_server.expect_request(PATH).respond_with_json(answer())
    context, window = build_window(settings)
    qtbot.addWidget(window)
    dialog = SettingsDialog(context, None, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.api_key.placeholderText() == SAVED_SECRET_HINT)  # looked up in a worker
    dialog.base_url.setText(other_server.url_for("/v1"))  # the other server, key not typed again
    qtbot.waitUntil(lambda: "key-hint" not in context.ops.pending_keys(dialog))
    assert dialog.api_key.placeholderText() == ""
    dialog.test_model_button.click()
    qtbot.waitUntil(lambda: "Type the API key for this server" in dialog.model_result.text())
    qtbot.wait(300)
    assert other_server.log == []  # nothing was sent there, least of all the key
    # Back to the server the key was saved for: it is used there.
    dialog.base_url.setText(llm_server.url_for("/v1"))
    dialog.test_model_button.click()
    qtbot.waitUntil(lambda: dialog.model_result.property("role") == "success", timeout=15_000)
    assert llm_server.log[0][0].headers["Authorization"] == f"Bearer {KEY_A}"
    context.close()


def test_the_environment_pointing_elsewhere_does_not_take_the_saved_key(
    settings: Settings, memory_keyring: MemoryKeyring, llm_server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved_for(settings, llm_server)
    assert settings.llm().api_key == KEY_A
    monkeypatch.setenv("LLM_BASE_URL", "https://gateway.example.com/v1")
    assert settings.llm().api_key is None
    assert config.load_llm_settings({}).api_key is None  # the CLI, which knows no stored base URL


@pytest.mark.parametrize(
    ("url", "clear"),
    [
        ("http://192.0.2.10:8080/v1", True),
        ("http://models.internal/v1", True),
        ("https://models.internal/v1", False),
        ("http://127.0.0.1:11434/v1", False),
        ("http://localhost:11434/v1", False),
        ("http://[::1]:8000/v1", False),
        (None, False),
    ],
)
def test_which_servers_get_the_key_in_clear(url: str | None, clear: bool) -> None:
    assert config.sends_key_in_clear(url) is clear


def test_plain_http_to_another_computer_asks_first(
    qtbot: QtBot, dialog: SettingsDialog, settings: Settings, memory_keyring: MemoryKeyring
) -> None:
    url = "http://192.0.2.10:8080/v1"  # TEST-NET: never contacted, the test never says yes to a test
    dialog.api_key.setText(KEY_A)
    dialog.base_url.setText(url)
    dialog.test_model_button.click()
    box = dialog.clear_text_box
    assert box.isVisible() and "unencrypted" in box.text()
    assert dialog.model_result.text() == ""  # nothing started
    box.reject()
    assert "settings-test-model" not in dialog.context.ops.pending_keys(dialog)
    # Saving asks too; a yes is remembered for that server only.
    dialog.save()
    box = dialog.clear_text_box
    [send] = [b for b in box.buttons() if b.text() == "Send unencrypted"]
    with qtbot.waitSignal(dialog.finished):  # the key is stored in a worker, then the rest
        send.click()
    assert settings.get("llm_clear_text_ok") == config.llm_endpoint(url)
    assert settings.llm().api_key == KEY_A and settings.llm().base_url == url
    settings.set("llm_base_url", "http://192.0.2.11:8080/v1")
    assert settings.llm().api_key is None


def test_closing_settings_while_a_test_runs_is_calm(
    qtbot: QtBot, settings: Settings, memory_keyring: MemoryKeyring, llm_server: HTTPServer
) -> None:
    """The answer of a Test still running when the dialog closes goes nowhere (it raised
    'already deleted' into the crash dialog before)."""
    llm_server.expect_request(PATH).respond_with_handler(fake_llm.slow(1.0, answer()))
    context, window = build_window(settings)
    qtbot.addWidget(window)
    dialog = SettingsDialog(context, None, window)  # as the window opens it: deleted on close
    dialog.api_key.setText(KEY_A)
    dialog.base_url.setText(llm_server.url_for("/v1"))
    dialog.test_model_button.click()
    assert dialog.model_result.text() == "Testing…"
    dialog.close()
    dialog.deleteLater()
    assert "settings-test-model" in context.ops.pending_keys()  # still running: the dialog goes first
    qtbot.waitUntil(lambda: "settings-test-model" not in context.ops.pending_keys(), timeout=10_000)
    qtbot.wait(100)  # the answer's callback had its turn: pytest-qt fails the test on an exception in it
    context.close()
