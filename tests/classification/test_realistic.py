"""The local model on tickets written the way customers write (issue 22): the held-out realistic set it
never trains on, and how it learns a vocabulary the starter corpus has never seen from agents' corrections."""

from __future__ import annotations

import json
import random
from pathlib import Path

from ticketflow_desktop.classification.corpus import Example, read_jsonl, starter_corpus
from ticketflow_desktop.classification.evaluation import score_field
from ticketflow_desktop.classification.local import LocalModel
from ticketflow_desktop.classification.training import DATABASE_WEIGHT
from ticketflow_desktop.domain import Category, Priority

HELD_OUT = Path(__file__).resolve().parents[2] / "bench" / "data" / "triage_eval.jsonl"


def test_the_held_out_set_is_never_trained_on() -> None:
    training = {(e.title, e.description) for e in starter_corpus()}
    held_out = read_jsonl(HELD_OUT)
    assert len(held_out) >= 500
    assert {e.lang for e in held_out} == {"en", "de", "fr", "es", "pt", "it", "nl", "pl"}
    assert not any((e.title, e.description) for e in held_out if (e.title, e.description) in training)


def test_three_writers_are_trained_on_and_the_other_fresh_sets_held_out() -> None:
    """fresh, fresh2 and fresh3 are training data (bench/make_triage_corpus.py WRITER_SETS); fresh4-9 stay
    held out, as does the first set (above)."""
    training = {(e.title, e.description) for e in starter_corpus()}
    for name, trained in [("", True), ("2", True), ("3", True)] + [(str(n), False) for n in range(4, 10)]:
        examples = read_jsonl(HELD_OUT.with_name(f"triage_eval_fresh{name}.jsonl"))
        inside = sum((e.title, e.description) in training for e in examples)
        assert inside == (len(examples) if trained else 0), (name, inside)


def test_out_of_the_box_accuracy_and_calibration_on_realistic_tickets(trained_model: Path) -> None:
    """Measured: category 94%, priority 81%, calibration error 0.04 / 0.03 (README, Triage accuracy)."""
    model = LocalModel.load(trained_model)
    assert model is not None
    examples = read_jsonl(HELD_OUT)
    predicted = model.predict_many([(e.title, e.description) for e in examples])
    for field, enum, target in (("category", Category, 0.80), ("priority", Priority, 0.55)):
        score = score_field(
            [m.value for m in enum],
            [getattr(e, field).value for e in examples],
            [getattr(p, field).value for p in predicted],
            [getattr(p, f"{field}_confidence") for p in predicted],
            [e.lang for e in examples],
        )
        assert score.accuracy >= target, (field, score.accuracy)
        assert all(accuracy >= target - 0.1 for accuracy, _ in score.by_language.values()), score.by_language
        assert score.ece is not None and score.ece <= 0.05, (field, score.ece)


# A language the starter corpus has never seen (Swedish) and a product it has never heard of (Fjällkassa):
# what agents correct (TRAIN) and what later arrives (TEST) are written apart.
SWEDISH = {
    "TRAIN": {
        "billing": [
            "Fjällkassa drog pengar två gånger för prenumerationen",
            "Fakturan från Fjällkassa har fel belopp",
            "Jag vill ha återbetalning för årsavgiften",
            "Vi debiterades för många licenser denna månad",
        ],
        "technical": [
            "Fjällkassa kraschar när jag öppnar rapporten",
            "Synkroniseringen i Fjällkassa slutade fungera",
            "Exporten till Excel ger ett felmeddelande",
            "Appen är väldigt långsam sedan uppdateringen",
        ],
        "account": [
            "Jag kan inte logga in i Fjällkassa, lösenordet fungerar inte",
            "Återställningslänken för lösenordet har gått ut",
            "Min kollega behöver administratörsbehörighet",
            "Tvåfaktorskoden accepteras inte längre",
        ],
        "general": [
            "Det vore fint med mörkt läge i Fjällkassa",
            "Var hittar jag användarhandboken?",
            "Erbjuder ni utbildning för nya medarbetare?",
            "Tack för den snabba hjälpen förra veckan",
        ],
    },
    "TEST": {
        "billing": [
            "Fjällkassa tog betalt trots att vi sagt upp avtalet",
            "Momsen på kvittot från Fjällkassa stämmer inte",
        ],
        "technical": ["Fjällkassa fryser när jag sparar ett formulär", "Rapporterna i Fjällkassa visar inga siffror"],
        "account": [
            "Inloggningen till Fjällkassa misslyckas hela tiden",
            "Hur lägger jag till en ny användare i Fjällkassa?",
        ],
        "general": ["Finns det en guide för Fjällkassa?", "Kan ni lägga till en kalendervy i Fjällkassa?"],
    },
    "IMPACT": {
        "low": ["Ingen brådska.", "Bara en fråga."],
        "medium": ["Det finns en tillfällig lösning.", "Det stör lite men vi kan jobba."],
        "high": ["Det blockerar hela vårt team.", "Kunderna väntar och vi kan inte hjälpa dem."],
        "critical": ["Allt ligger nere för alla användare!", "Vi har förlorat data!"],
    },
}


def swedish(part: str, n: int, seed: int) -> list[Example]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        category = list(Category)[i % 4]
        priority = list(Priority)[(i // 4) % 4]
        problem = rng.choice(SWEDISH[part][category.value])
        impact = SWEDISH["IMPACT"][priority.value][0 if part == "TRAIN" else 1]
        out.append(Example("", f"Hej! {problem}. {impact} Mvh Sven", category, priority, DATABASE_WEIGHT))
    return out


def accuracy(model: LocalModel, examples: list[Example]) -> float:
    predicted = model.predict_many([(e.title, e.description) for e in examples])
    both = [p.category == e.category and p.priority == e.priority for p, e in zip(predicted, examples, strict=True)]
    return sum(both) / len(both)


def test_corrections_teach_an_unseen_language_and_product() -> None:
    """The learning curve: starter corpus alone, then with 50 and 200 corrected Swedish tickets (measured:
    17.5%, 27.5%, 45% since the writers' tickets joined the corpus; 25%, 30%, 39% before them; 25%, 26%,
    42% before the corpus's boundary scenarios, which moved a few Swedish
    priorities, no category: 80 arriving tickets, one is 1.25 points; before the corpus had politely told
    outages, 8%, 39%, 44%: it now gets the Swedish critical tickets right out of the box, so corrections
    have less to add). A rise of at least 12.5 points (10 tickets) is what "measurably" asks here."""
    starter = starter_corpus()
    arriving = swedish("TEST", 80, seed=2)
    curve = [accuracy(LocalModel.train([*starter, *swedish("TRAIN", n, seed=1)]), arriving) for n in (0, 50, 200)]
    print(json.dumps({"corrected": [0, 50, 200], "both_fields_right": curve}))
    assert curve[2] >= curve[0] + 0.125 and curve[2] >= 0.38, curve
    assert curve[2] >= curve[1] >= curve[0], curve
