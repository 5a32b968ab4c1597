"""classify (one text) and eval (a labelled JSONL file): the classifier from the command line.

Exit 1 when the model server fails (with --json: {"error": KIND, "message": ...}), 2 for bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ticketflow_desktop import config
from ticketflow_desktop.classification.corpus import Example, read_jsonl, starter_corpus
from ticketflow_desktop.classification.errors import ClassificationError, ErrorKind
from ticketflow_desktop.classification.evaluation import FieldScore, score_field
from ticketflow_desktop.classification.suggest import Mode, Suggester
from ticketflow_desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    fail,
    open_for,
    print_json,
    read_text_arg,
    service_for,
)
from ticketflow_desktop.domain import Category, Priority, Suggestion
from ticketflow_desktop.domain.codec import suggestion_to_dict
from ticketflow_desktop.services.examples import ticket_examples
from ticketflow_desktop.services.suggestion_outcomes import SuggestionOutcomes
from ticketflow_desktop.services.tickets import TicketService


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("classify", help="suggest a category and priority for a text")
    p.add_argument("text", help="the ticket's text, or - to read it from standard input")
    p.add_argument("--title", default="", help="the ticket's title, if it is separate")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--local", action="store_true", help="use the local model only")
    source.add_argument("--llm", action="store_true", help="use the language model only")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=classify)

    p = subparsers.add_parser("eval", help="score the classifier on a labelled JSONL file")
    p.add_argument("file", type=Path, help="lines of {title, description, category, priority}")
    p.add_argument("--cv", type=int, metavar="K", help="K-fold cross-validation of the local model on the file")
    p.add_argument("--llm", action="store_true", help="score the language model instead of the local one")
    p.add_argument("--plot", type=Path, metavar="FILE.png", help="write a reliability diagram of the confidences")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=evaluate)

    p = subparsers.add_parser("suggestions", help="suggestions kept per source and week")
    p.add_argument("--weeks", type=int, default=12, help="how many weeks back, this one included (default 12)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=acceptance)


def suggester_for(args: argparse.Namespace) -> Suggester:
    """The local model learns from the database's tickets too; the database is opened only if needed."""
    service: TicketService | None = None

    def svc() -> TicketService:
        nonlocal service
        if service is None:
            service = service_for(args)
        return service

    return Suggester(None, lambda: ticket_examples(svc()), lambda: svc().count(cap=None).value)


def _model_failed(error: ClassificationError, as_json: bool) -> int:
    if as_json:
        print_json({"error": error.kind.value, "message": error.message})
        return EXIT_FAILED
    return fail(error.message, EXIT_FAILED)


def classify(args: argparse.Namespace) -> int:
    try:
        text = read_text_arg(args.text)
    except ValueError as error:
        return fail(str(error), EXIT_BAD_INPUT)
    if not (text.strip() or args.title.strip()):
        return fail("there is no text to classify", EXIT_BAD_INPUT)
    settings = config.load_llm_settings({}, offline=args.offline)
    if args.llm and settings.offline:
        return fail("--llm and --offline contradict each other", EXIT_BAD_INPUT)
    mode = Mode.LOCAL if args.local else Mode.LLM if args.llm else Mode.AUTO
    try:
        outcome = suggester_for(args).suggest(settings, args.title, text, mode, fallback=False)
    except ClassificationError as error:
        return _model_failed(error, args.json)
    s = outcome.suggestion
    assert s is not None
    if args.json:
        print_json(suggestion_to_dict(s))
        return 0
    source = f"{s.source.value} ({s.model})" if s.model else s.source.value
    if s.confidence is not None:
        source += f", {round(s.confidence * 100)}% confident"
    print(f"Category: {s.category.label}\nPriority: {s.priority.label}\nSource:   {source}")
    if outcome.offline_reason:
        print(f"({outcome.offline_reason}: the local model answered.)", file=sys.stderr)
    if outcome.caution:
        print(f"Caution:  {outcome.caution}", file=sys.stderr)
    return 0


# --- eval -----------------------------------------------------------------------------------------


def _cross_validate(examples: list[Example], k: int) -> list[Suggestion | None]:
    """Each example predicted by a model trained on the other folds; the folds are a seeded shuffle."""
    import numpy as np

    from ticketflow_desktop.classification.local import LocalModel

    predicted: list[Suggestion | None] = [None] * len(examples)
    order = np.random.default_rng(0).permutation(len(examples))
    for fold in np.array_split(order, k):
        test = fold.tolist()
        held_out = set(test)
        model = LocalModel.train([e for i, e in enumerate(examples) if i not in held_out])
        for i, s in zip(
            test, model.predict_many([(examples[i].title, examples[i].description) for i in test]), strict=True
        ):
            predicted[i] = s
    return predicted


def _trained_on(examples: Sequence[Example]) -> str:
    """Whether the file is held out: some once held-out sets are now in the starter corpus (README "Triage
    accuracy"), and a measurement on tickets the model learned from says little about new ones."""
    known = {(e.title, e.description) for e in starter_corpus()}
    seen = sum((e.title, e.description) in known for e in examples)
    if not seen:
        return "not trained on this file"
    return f"TRAINED ON {seen} of these {len(examples)} tickets (in its starter corpus): not a held-out measurement"


def evaluate(args: argparse.Namespace) -> int:
    try:
        examples = read_jsonl(args.file)
    except (OSError, ValueError) as error:
        return fail(str(error), EXIT_BAD_INPUT)
    if not examples:
        return fail(f"{args.file} holds no examples", EXIT_BAD_INPUT)
    errors: dict[str, int] = {}
    if args.cv is not None:
        if not 2 <= args.cv <= len(examples):
            return fail(f"--cv needs 2 to {len(examples)} folds", EXIT_BAD_INPUT)
        try:
            predicted = _cross_validate(examples, args.cv)
        except ValueError as error:
            return fail(str(error), EXIT_BAD_INPUT)
        how, model_name = f"{args.cv}-fold cross-validation of the local model", "local"
    elif args.llm:
        settings = config.load_llm_settings({}, offline=args.offline)
        suggester = Suggester(None)
        predicted = []
        for n, e in enumerate(examples):
            try:
                predicted.append(suggester.llm_suggestion(settings, e.title, e.description))
            except ClassificationError as error:
                if n == 0 and error.kind in (ErrorKind.NO_KEY, ErrorKind.AUTH, ErrorKind.UNREACHABLE):
                    return _model_failed(error, args.json)
                errors[error.kind.value] = errors.get(error.kind.value, 0) + 1
                predicted.append(None)
        how, model_name = "language model", settings.model
    else:
        model = suggester_for(args).local_model()
        predicted = list(model.predict_many([(e.title, e.description) for e in examples]))
        how, model_name = f"current local model (starter corpus + database), {_trained_on(examples)}", "local"

    scores = _scores(examples, predicted)
    if args.plot is not None:
        try:
            _plot(args.plot, scores)
        except OSError as error:
            return fail(f"cannot write {args.plot}: {error}", EXIT_BAD_INPUT)
    if args.json:
        print_json(_report(examples, how, model_name, scores, errors))
    else:
        _print_report(examples, how, scores, errors)
    return 0


def _scores(examples: Sequence[Example], predicted: Sequence[Suggestion | None]) -> dict[str, FieldScore]:
    languages = [e.lang for e in examples]
    scores = {}
    for field, enum in (("category", Category), ("priority", Priority)):
        scores[field] = score_field(
            [m.value for m in enum],
            [getattr(e, field).value for e in examples],
            [getattr(p, field).value if p is not None else None for p in predicted],
            [field_confidence(p, field) for p in predicted],
            languages,
        )
    return scores


def field_confidence(suggestion: Suggestion | None, field: str) -> float | None:
    if suggestion is None:
        return None
    own = suggestion.category_confidence if field == "category" else suggestion.priority_confidence
    return own if own is not None else suggestion.confidence


def _report(
    examples: Sequence[Example], how: str, model_name: str, scores: dict[str, FieldScore], errors: dict[str, int]
) -> dict[str, object]:
    report: dict[str, object] = {"n": len(examples), "evaluated": how, "model": model_name}
    for field, s in scores.items():
        report[f"{field}_accuracy"] = round(s.accuracy, 4)
        report[f"{field}_confusion"] = {"labels": list(s.labels), "matrix": s.confusion}
        report[f"{field}_by_class"] = {
            label: {"recall": round(s.recall[label], 4), "precision": round(s.precision[label], 4)}
            for label in s.labels
        }
        report[f"{field}_by_language"] = {
            lang: {"accuracy": round(a, 4), "n": n} for lang, (a, n) in s.by_language.items()
        }
        report[f"{field}_ece"] = s.ece
        report[f"{field}_reliability"] = [
            {
                "low": b.low,
                "high": b.high,
                "n": b.count,
                "confidence": round(b.mean_confidence, 4),
                "accuracy": round(b.accuracy, 4),
            }
            for b in s.reliability
        ]
    report["failed_requests"] = errors
    return report


def _print_report(examples: Sequence[Example], how: str, scores: dict[str, FieldScore], errors: dict[str, int]) -> None:
    print(f"{len(examples)} examples; {how}")
    for field, s in scores.items():
        ece = f"; expected calibration error {s.ece:.3f}" if s.ece is not None else ""
        print(f"\n{field} accuracy: {s.accuracy:.1%}{ece}")
        width = max(len(label) for label in s.labels) + 2
        print("true \\ predicted".ljust(width + 6) + "".join(label[:9].rjust(10) for label in s.labels) + "    recall")
        for label, row in zip(s.labels, s.confusion, strict=True):
            print(label.ljust(width + 6) + "".join(str(v).rjust(10) for v in row) + f"{s.recall[label]:>10.1%}")
        print("precision".ljust(width + 6) + "".join(f"{s.precision[label]:>10.1%}" for label in s.labels))
        if s.by_language:
            print("by language: " + ", ".join(f"{lang} {a:.0%} ({n})" for lang, (a, n) in s.by_language.items()))
    if errors:
        print("\nfailed requests: " + ", ".join(f"{k} {v}" for k, v in errors.items()))


def _plot(path: Path, scores: dict[str, FieldScore]) -> None:
    # Qt is imported only here: the rest of the command line never waits for it.
    from ticketflow_desktop.ui.reliability_plot import write_reliability_diagram

    write_reliability_diagram(path, {field: (s.reliability, s.ece) for field, s in scores.items() if s.reliability})


# --- suggestions kept -----------------------------------------------------------------------------


def acceptance(args: argparse.Namespace) -> int:
    if args.weeks < 1:
        return fail("--weeks needs at least 1", EXIT_BAD_INPUT)
    weeks = SuggestionOutcomes(open_for(args)).acceptance_by_week(args.weeks)
    if args.json:
        print_json(
            [
                {"week": w.week.isoformat(), "source": w.source.value, "suggested": w.suggested, "kept": w.kept}
                for w in weeks
            ]
        )
        return 0
    if not weeks:
        print(f"No suggested tickets in the last {args.weeks} weeks.")
        return 0
    print("week of      source   suggested   kept")
    for w in weeks:
        print(f"{w.week.isoformat()}   {w.source.value:<7}{w.suggested:>10}   {w.kept:>4} ({w.share:.0%})")
    return 0
