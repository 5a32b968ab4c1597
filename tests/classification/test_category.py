"""Issue 22: the category. A fault in what a customer's own invoices do (a pay link that errors) is technical
by the prompt's definitions, not billing; a charge to the customer stays billing. The category's
confidence is calibrated on held-out tickets the model never trained or was fitted on.

The tickets below were written for this test, apart from the training corpus's phrase pools
(bench/triage_corpus/) and from the held-out sets in bench/data/."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ticketflow_desktop.classification.corpus import Example, read_jsonl
from ticketflow_desktop.classification.evaluation import expected_calibration_error, reliability
from ticketflow_desktop.classification.local import LocalModel
from ticketflow_desktop.classification.local.bayes import (
    ACROSS_LANGUAGES,
    HALVES,
    IDENTITY_TOP,
    Calibration,
)
from ticketflow_desktop.domain import Category, Priority

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"

# The pay link in the invoices the customer sends to its own clients leads to an error page.
PAY_LINK_ERRORS = [
    "The 'pay online' link in the invoices we email to our clients opens an error page, so none of them can pay us.",
    "Der Button 'Online bezahlen' in den Rechnungen an unsere Kunden führt auf eine Fehlerseite, niemand kann zahlen.",
    "Le lien de paiement dans les factures envoyées à nos clients affiche une page d'erreur, ils ne peuvent pas payer.",
    "El enlace de pago de las facturas que mandamos a nuestros clientes da una página de error y no pueden pagar.",
    "O link de pagamento nas faturas que enviamos aos nossos clientes abre uma página de erro, ninguém consegue pagar.",
    "Il link per pagare nelle fatture che mandiamo ai clienti apre una pagina di errore, nessuno riesce a pagare.",
    "De betaallink in de facturen die we naar onze klanten sturen geeft een foutpagina, niemand kan betalen.",
    "Link do płatności w fakturach wysyłanych do naszych klientów pokazuje stronę błędu, nikt nie może zapłacić.",
]
CHARGES = [
    "You charged our card twice for this month's subscription, please refund one.",
    "Sie haben unser Abo diesen Monat zweimal abgebucht.",
    "Vous avez prélevé deux fois notre abonnement ce mois-ci, merci de rembourser.",
]


def test_an_error_in_the_invoices_a_customer_sends_is_technical(trained_model: Path) -> None:
    """Measured: 7 of the 8 technical (the Spanish one billing at 0.56); 3 of 8 before the corpus's pay-now
    button tickets were labelled technical (README "The category's confusion and calibration")."""
    model = LocalModel.load(trained_model)
    assert model is not None
    predicted = model.predict_many([("", text) for text in PAY_LINK_ERRORS])
    assert sum(s.category is Category.TECHNICAL for s in predicted) >= 6, [s.category for s in predicted]
    charged = model.predict_many([("", text) for text in CHARGES])
    assert all(s.category is Category.BILLING and (s.category_confidence or 0) > 0.9 for s in charged), charged


def test_the_category_is_calibrated_on_every_held_out_set(trained_model: Path) -> None:
    """Measured: calibration error 0.037 / 0.020 / 0.049 / 0.022 on the first held-out set and the three fresh
    ones still held out (fresh, fresh2 and fresh3 are training data since issue 22's writers; before them
    0.042 / 0.015 / 0.059 / 0.036): never fitted on them."""
    model = LocalModel.load(trained_model)
    assert model is not None
    for name in ("", "_fresh4", "_fresh5", "_fresh6"):
        examples = read_jsonl(DATA / f"triage_eval{name}.jsonl")
        predicted = model.predict_many([(e.title, e.description) for e in examples])
        right = [s.category is e.category for e, s in zip(examples, predicted, strict=True)]
        error = expected_calibration_error(reliability([s.category_confidence or 0.0 for s in predicted], right))
        assert error <= 0.055, (name, error)
        assert np.mean(right) >= 0.8, (name, np.mean(right))


def test_a_top_map_can_be_fitted_on_splits_of_its_own() -> None:
    """`Calibration.top_splits` fits the top map on other out-of-fold scores than the temperature's (compared
    in bench/triage_variants.py; not shipped for the category)."""
    from ticketflow_desktop.classification.local import bayes

    words = ["invoice", "refund", "crash", "error", "password", "login", "idea", "docs"]
    categories = [Category.BILLING, Category.BILLING, Category.TECHNICAL, Category.TECHNICAL] * 2
    categories[4:] = [Category.ACCOUNT, Category.ACCOUNT, Category.GENERAL, Category.GENERAL]
    rng = np.random.default_rng(0)
    examples = [
        Example(
            f"{words[k]} {rng.choice(words)}",
            " ".join([*rng.choice(words, 4).tolist(), words[k]]),
            categories[k],
            Priority.LOW if n % 2 else Priority.HIGH,
            group=f"s{k}-{n % 7}/i{n % 5}",
        )
        for n in range(2_400)
        for k in [n % len(words)]
    ]
    shipped = bayes.CALIBRATION
    try:
        bayes.CALIBRATION = (
            Calibration((HALVES, ACROSS_LANGUAGES), (ACROSS_LANGUAGES,), top=True, top_splits=(HALVES,)),
            shipped[1],
        )
        mapped = LocalModel.train(examples)
    finally:
        bayes.CALIBRATION = shipped
    assert tuple(mapped.weights.top[0]) != IDENTITY_TOP
    assert tuple(LocalModel.train(examples).weights.top[0]) == IDENTITY_TOP
