"""Training the local model in a child process (the desktop app's way): the child reads the team's
tickets itself, saves the model, and the result predicts as a model trained here does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from ticketflow_desktop.classification.local import LocalModel
from ticketflow_desktop.classification.suggest import Suggester
from ticketflow_desktop.classification.training import train_apart, train_here, training_examples
from ticketflow_desktop.domain import Category, NewTicket, Priority
from ticketflow_desktop.services.examples import DatabaseExamples
from ticketflow_desktop.storage.bulk import bulk_insert
from ticketflow_desktop.storage.engine import open_database

TEXTS = [
    ("Refund not received", "I was charged twice for my subscription and want my money back"),
    ("Server down", "Production API returns 500 errors for every request since the deploy"),
    ("Zorblax widget", "The zorblax widget shows the wrong colour"),
]


def team_database(tmp_path: Path) -> str:
    """A team whose word 'zorblax' always means a critical account ticket."""
    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    database = open_database(url)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    bulk_insert(
        database,
        [
            NewTicket(
                f"Zorblax {n}",
                f"Zorblax widget problem number {n}",
                Category.ACCOUNT,
                Priority.CRITICAL,
                start + timedelta(minutes=n),
            )
            for n in range(60)
        ],
    )
    database.dispose()
    return url


def test_the_child_reads_the_tickets_and_predicts_as_a_model_trained_here(tmp_path: Path) -> None:
    source = DatabaseExamples(team_database(tmp_path))
    apart = train_apart(source, 60, tmp_path / "apart" / "m.npz")
    here = train_here(training_examples(source), 60, tmp_path / "here" / "m.npz")
    assert apart.predict_many(TEXTS) == here.predict_many(TEXTS)
    zorblax = apart.predict(*TEXTS[2])
    assert (zorblax.category, zorblax.priority) == (Category.ACCOUNT, Priority.CRITICAL)  # learned from the team
    reloaded = LocalModel.load(tmp_path / "apart" / "m.npz")  # written by the child process
    assert reloaded is not None and reloaded.trained_on_tickets == 60
    assert "team.sqlite3" not in repr(source)  # a URL may hold a password


def test_an_unwritable_place_still_gives_a_model(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("in the way")  # the model cannot be saved under it, whoever runs this
    model = train_apart(None, 0, not_a_folder / "m.npz")
    assert model.predict(*TEXTS[0]).category is Category.BILLING


def test_a_source_the_child_cannot_receive_is_read_here(tmp_path: Path) -> None:
    def local_source():  # a closure cannot be sent to another process
        yield from DatabaseExamples(team_database(tmp_path))()

    model = train_apart(local_source, 60, tmp_path / "m.npz")
    assert model.predict(*TEXTS[2]).category is Category.ACCOUNT


def test_the_suggester_of_the_app_trains_apart(tmp_path: Path) -> None:
    suggester = Suggester(tmp_path / "local_model.npz", DatabaseExamples(team_database(tmp_path)), lambda: 60)
    suggester.train_apart = True
    suggester.train()
    assert suggester.has_local_model and (tmp_path / "local_model.npz").is_file()
    assert suggester.local_suggestion(*TEXTS[2]).category is Category.ACCOUNT
