"""Training the local model and saving it: here, or in a process of its own for the desktop app.

Training is seconds of numpy and Python work (the starter corpus and 5,000 tickets: 2.1 s CPU). In a thread of the
app's own process it holds the GIL in long stretches, and the window stalls 50-140 ms at a time while it
runs; in a child process it uses the other core and the window only loads the saved result (10 ms).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ticketflow_desktop.classification.corpus import Example, starter_corpus
from ticketflow_desktop.classification.local import LocalModel

log = logging.getLogger(__name__)
ExampleSource = Callable[[], Iterable[Example]] | None

# Agents' final choices outweigh the generic starter examples.
DATABASE_WEIGHT = 3.0
# The newest tickets the local model learns from: with the starter corpus (7,694) they train in 2.1 s CPU and
# 276 MB at the peak, in the child process (`python -m bench.triage`, a quiet machine); more would cost
# time and memory for little gain.
MAX_DATABASE_EXAMPLES = 5_000


def training_examples(database_examples: ExampleSource) -> list[Example]:
    """The starter corpus and the newest of the team's own tickets, which count more."""
    examples = list(starter_corpus())
    if database_examples is not None:
        for n, example in enumerate(database_examples()):
            if n >= MAX_DATABASE_EXAMPLES:
                break
            examples.append(
                Example(example.title, example.description, example.category, example.priority, DATABASE_WEIGHT)
            )
    return examples


def train_here(examples: Sequence[Example], trained_on_tickets: int, path: Path) -> LocalModel:
    """Train in this process and save the model to `path` if it can be written."""
    model = LocalModel.train(examples, trained_on_tickets)
    with contextlib.suppress(OSError):  # a read-only data directory costs a retrain next start, nothing more
        model.save(path)
    return model


def _yield_the_cpu() -> None:
    """Background work: on a 2-core machine the window and the database come first."""
    if hasattr(os, "nice"):  # POSIX; Windows starts the child at normal priority
        os.nice(10)


def _collect_train_and_save(source: ExampleSource, trained_on_tickets: int, path: str) -> None:
    LocalModel.train(training_examples(source), trained_on_tickets).save(Path(path))


def train_apart(source: ExampleSource, trained_on_tickets: int, path: Path) -> LocalModel:
    """Collect the examples (`training_examples`) and train in a child process that saves the
    model to `path`, then load it here. `source` (the team's tickets) must be picklable.

    Bad examples raise ValueError as LocalModel.train does. When the child cannot run or cannot write
    `path` (a read-only data folder), the model is trained in this process instead.
    """
    # "spawn" everywhere: forking a process that runs Qt threads is unsafe, and it is the default on
    # Windows and macOS anyway.
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_yield_the_cpu) as pool:
            pool.submit(_collect_train_and_save, source, trained_on_tickets, str(path)).result()
    # A source that cannot be sent to a child (a closure: AttributeError; a lock: TypeError) is read here;
    # a bug in training raises again below, in this process.
    except (OSError, BrokenProcessPool, pickle.PicklingError, AttributeError, TypeError) as error:
        log.warning("training in a separate process failed (%s); training here instead", error)
    else:
        model = LocalModel.load(path)
        if model is not None:
            return model
    return train_here(training_examples(source), trained_on_tickets, path)
