"""Triage speed: the local model's training time and a single prediction's latency. Prints a table.

    .venv/bin/python -m bench.triage

Accuracy and calibration come from `ticketflow eval bench/data/triage_eval.jsonl [--plot FILE.png]`.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace

from bench.make_triage_corpus import EVAL_FILE
from ticketflow_desktop.classification.corpus import read_jsonl, starter_corpus
from ticketflow_desktop.classification.local import LocalModel
from ticketflow_desktop.classification.training import DATABASE_WEIGHT, MAX_DATABASE_EXAMPLES


def main() -> None:
    starter = starter_corpus()
    # A team's own tickets: the starter corpus again, as agents' choices (weighted, no groups).
    team = [replace(e, weight=DATABASE_WEIGHT, group=None) for e in starter]
    team = (team * 3)[:MAX_DATABASE_EXAMPLES]
    rows = []
    for name, examples in (
        ("5,000 tickets", (starter + team)[:5_000]),
        (f"starter ({len(starter)}) + {len(team)} team tickets", starter + team),
    ):
        runs, cpu = [], []
        for _ in range(3):
            started, started_cpu = time.perf_counter(), time.process_time()
            model = LocalModel.train(examples)
            runs.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        # CPU time beside wall time: on a shared machine the wall clock mostly measures the neighbours.
        rows.append((f"train on {name}", f"{min(runs):.2f} s wall (best of 3), {min(cpu):.2f} s CPU"))
    held_out = read_jsonl(EVAL_FILE)
    items = [(e.title, e.description) for e in held_out]
    for label, warm in (("first sight of each text", False), ("again (words' n-grams remembered)", True)):
        model = LocalModel.train(starter)
        if warm:
            model.predict_many(items)
        times, cpu_times = [], []
        for title, description in items:
            started, started_cpu = time.perf_counter(), time.process_time()
            model.predict(title, description)
            times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.process_time() - started_cpu) * 1000)
        rows.append((f"predict one, {label}", f"wall {_percentiles(times)}; CPU {_percentiles(cpu_times)}"))
    width = max(len(r[0]) for r in rows)
    for what, figure in rows:
        print(f"{what.ljust(width)}  {figure}")


def _percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    return f"p50 {statistics.median(ordered):.2f} ms, p95 {ordered[int(len(ordered) * 0.95)]:.2f} ms"


if __name__ == "__main__":
    main()
