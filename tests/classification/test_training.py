"""Training the local model in a child process (the desktop app's way) gives the same model as training
here, saves it, and reports bad examples and unwritable folders as training here does."""

from __future__ import annotations

from pathlib import Path

import pytest

from ticketflow_desktop.classification.corpus import Example, starter_corpus
from ticketflow_desktop.classification.local import LocalModel
from ticketflow_desktop.classification.suggest import Suggester
from ticketflow_desktop.classification.training import train_apart, train_here
from ticketflow_desktop.domain import Category, Priority

TEXTS = [
    ("Refund not received", "I was charged twice for my subscription and want my money back"),
    ("Server down", "Production API returns 500 errors for every request since the deploy"),
    ("Cannot log in", "Password reset mail never arrives and my account is locked"),
]


def test_a_model_trained_apart_is_saved_and_predicts_as_one_trained_here(tmp_path: Path) -> None:
    examples = starter_corpus()
    apart = train_apart(examples, 42, tmp_path / "apart" / "m.npz")
    here = train_here(examples, 42, tmp_path / "here" / "m.npz")
    assert apart.predict_many(TEXTS) == here.predict_many(TEXTS)
    reloaded = LocalModel.load(tmp_path / "apart" / "m.npz")  # written by the child process
    assert reloaded is not None and reloaded.trained_on_tickets == 42
    assert reloaded.predict_many(TEXTS) == here.predict_many(TEXTS)


def test_bad_examples_are_refused_as_when_trained_here(tmp_path: Path) -> None:
    one_kind = [Example("a", "b", Category.BILLING, Priority.LOW)] * 3
    with pytest.raises(ValueError, match="at least two categories"):
        train_apart(one_kind, 0, tmp_path / "m.npz")
    assert not (tmp_path / "m.npz").exists()


def test_an_unwritable_place_still_gives_a_model(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("in the way")  # the model cannot be saved under it, whoever runs this
    model = train_apart(starter_corpus(), 0, not_a_folder / "m.npz")
    assert model.predict_many(TEXTS[:1])[0].category is Category.BILLING


def test_the_suggester_of_the_app_trains_apart(tmp_path: Path) -> None:
    suggester = Suggester(tmp_path / "local_model.npz")
    suggester.train_apart = True
    suggester.train()
    assert suggester.has_local_model and (tmp_path / "local_model.npz").is_file()
    assert suggester.local_suggestion(*TEXTS[1]).category is Category.TECHNICAL
