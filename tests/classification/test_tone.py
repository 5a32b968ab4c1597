"""Issue 22: the priority follows the impact, not the tone. An outage or a data leak told politely is not
"low"; trivia shouted about is. And the confidence is fitted without the held-out set yet suits it.

The tickets below were written for this test, apart from the training corpus's phrase pools
(bench/triage_corpus/) and from both held-out sets in bench/data/."""

from __future__ import annotations

import math
from pathlib import Path

from ticketflow_desktop.classification.corpus import read_jsonl
from ticketflow_desktop.classification.local import LocalModel
from ticketflow_desktop.domain import Priority

HELD_OUT = Path(__file__).resolve().parents[2] / "bench" / "data" / "triage_eval.jsonl"


def _held_out(name: str) -> Path:
    return HELD_OUT.with_name(f"triage_eval{name}.jsonl")


# An outage for many people and someone else's data on show, each told as if it hardly mattered.
POLITE_OUTAGES_AND_LEAKS = [
    "Hi folks, hope your week is going well. Not a big deal probably, but since lunchtime the whole sales floor "
    "(about 50 people) gets 'server unavailable' when opening the app. No hurry, thanks!",
    "Small thing: if I edit the customer number in the address bar I land on another company's account page, "
    "with their contacts and orders. Whenever you have time.",
    "Hallo, nur kurz als Info, keine Eile: seit heute Morgen kann sich niemand in unserer Firma mehr anmelden, "
    "alle 40 Kollegen sehen nur eine Fehlerseite.",
    "Kleine Frage nebenbei: in unserem Kundenportal tauchen plötzlich Bestellungen und Adressen von fremden "
    "Kunden auf. Wenn Sie mal Zeit haben, danke!",
    "Bonjour, petite remarque sans urgence : depuis ce matin tout le service compta (25 personnes) n'a plus "
    "accès à l'application, le serveur ne répond pas.",
    "Une petite chose quand vous aurez le temps : dans notre espace client on voit les fiches et les "
    "coordonnées bancaires d'autres clients.",
    "Hola, una cosilla sin prisa: desde las ocho ninguno de los 60 usuarios de la empresa puede entrar, la "
    "aplicación no responde para nadie.",
    "Perdonad la molestia, nada urgente: en el panel aparecen los datos personales y los pedidos de clientes "
    "de otra empresa.",
    "Ciao, una piccola cosa, con calma: da stamattina nessuno dei 30 colleghi riesce ad accedere, il servizio "
    "non risponde per tutti.",
    "Una curiosità, quando avete tempo: nell'area clienti si vedono le fatture e i dati bancari di altri clienti.",
    "Hoi, geen haast hoor, maar sinds vanochtend kan niemand van onze 45 collega's inloggen, de hele omgeving "
    "geeft een foutmelding.",
    "Klein vraagje, wanneer het jullie uitkomt: in ons klantportaal zien we bestellingen en adressen van "
    "klanten van een ander bedrijf.",
    "Cześć, drobna sprawa, bez pośpiechu: od rana nikt z naszych 40 pracowników nie może się zalogować, system "
    "nie odpowiada.",
    "Pytanie przy okazji, nic pilnego: w panelu klienta widać zamówienia i dane osobowe klientów innej firmy.",
    "Oi, coisa pequena, sem pressa: desde cedo nenhum dos nossos 30 atendentes consegue entrar no sistema, fica "
    "carregando para todos.",
    "Uma dúvida, quando puderem: no portal aparecem os pedidos e os dados pessoais de clientes de outra empresa.",
]

LOUD_TRIVIA = [
    "URGENT!!! There is a typo on the pricing page, 'recieve' should be 'receive'. FIX IT NOW!",
    "DRINGEND!!! Das Logo im Menü ist zwei Pixel zu weit links. Sofort ändern!",
    "URGENT !!! Pouvez-vous mettre le bouton en bleu plutôt qu'en vert ? Réponse immédiate SVP !",
    "¡¡URGENTE!! Quiero cambiar la foto de mi perfil, ¿dónde se hace? ¡Respondan YA!",
]


def test_a_politely_told_outage_or_leak_is_not_low(trained_model: Path) -> None:
    """Measured: 15 of the 16 critical, one (the English outage told with three hedges) low. Before the
    corpus had such tickets, 9 of the 16 came out low, most at a confidence above 0.9."""
    model = LocalModel.load(trained_model)
    assert model is not None
    predicted = model.predict_many([("", text) for text in POLITE_OUTAGES_AND_LEAKS])
    low = [text[:60] for text, s in zip(POLITE_OUTAGES_AND_LEAKS, predicted, strict=True) if s.priority is Priority.LOW]
    assert len(low) <= 1, low
    assert sum(s.priority is Priority.CRITICAL for s in predicted) >= 14, [s.priority for s in predicted]


def test_shouting_about_trivia_is_still_low(trained_model: Path) -> None:
    model = LocalModel.load(trained_model)
    assert model is not None
    predicted = model.predict_many([("", text) for text in LOUD_TRIVIA])
    assert [s.priority for s in predicted] == [Priority.LOW] * len(LOUD_TRIVIA)


def test_the_confidence_fitted_on_the_corpus_suits_held_out_tickets(trained_model: Path) -> None:
    """The temperature is fitted on the training corpus alone; on the held-out sets (never trained on: the
    first and fresh4-6, pooled; fresh-fresh3 are training data since issue 22's writers) the model is better
    calibrated as it is than made twice as sure or half as sure: the log-loss of the true labels is lower
    at the fitted temperature (measured: priority 0.74 as fitted, 0.90 half as sure, 0.83 twice as sure,
    0.73 at 1.25 times: a little shy on these sets; category 0.29, 0.40, 0.37. Before the writers, on the
    first and fresh-fresh4: priority 0.85, 0.95, 1.06; category 0.40, 0.49, 0.54). The category's
    calibration suits tickets written apart from the corpus: on the first set alone, the closest to the
    corpus's phrasing, twice as sure tied before the writers (0.213 against 0.214 as fitted; README "The
    category's confusion and calibration")."""
    model = LocalModel.load(trained_model)
    assert model is not None
    examples = [e for name in ("", "_fresh4", "_fresh5", "_fresh6") for e in read_jsonl(_held_out(name))]
    probabilities = [model.field_probabilities(e.title, e.description) for e in examples]
    for field in ("category", "priority"):
        truth = [getattr(e, field).value for e in examples]

        def log_loss(sharpness: float, field: str = field, truth: list[str] = truth) -> float:
            # p ** t renormalised: the same as multiplying the model's scores by t.
            total = 0.0
            for p, label in zip(probabilities, truth, strict=True):
                powered = {k: v**sharpness for k, v in p[field].items()}
                total -= math.log(powered[label] / sum(powered.values()))
            return total / len(truth)

        fitted = log_loss(1.0)
        assert fitted < log_loss(0.5), field
        assert fitted < log_loss(2.0), field
