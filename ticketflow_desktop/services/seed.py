"""Realistic synthetic tickets: varied wording, several products and languages, a year of history."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator
from datetime import UTC, datetime

from ticketflow_desktop.domain import Category, EventSource, NewTicket, Priority, Status

PRODUCTS = (
    "Ledger",
    "Dispatch",
    "Beacon",
    "Harbor",
    "Quill",
    "Nimbus",
    "Orbit",
    "Atlas Pay",
    "Pulse",
    "Vault",
)
CUSTOMERS = ("Acme GmbH", "Northwind", "Globex", "Initech", "Umbrella Ltd", "Hooli", "Stark & Co", "Wayne Retail")

# Per category: title templates and description sentences. {p} product, {c} customer, {n} a number.
TEMPLATES: dict[Category, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Category.BILLING: (
        (
            "Charged twice for the {p} subscription",
            "Refund request for invoice #{n}",
            "Invoice {n} shows the wrong VAT number",
            "Cannot update the credit card on file",
            "Question about {p} annual pricing",
            "Doppelte Abbuchung im {p} Abo",
            "Factura {n} con importe incorrecto",
            "Downgrade from Business to Team plan",
            "Payment failed but the order went through",
        ),
        (
            "Our finance team at {c} noticed two charges of the same amount this month.",
            "The invoice total does not match the quote we accepted.",
            "We were billed after cancelling the subscription on the {n}th.",
            "Please send a corrected invoice with our company address.",
            "The payment page rejects a card that works everywhere else.",
            "Wir bitten um Erstattung des doppelt abgebuchten Betrags.",
            "Necesitamos una factura rectificativa lo antes posible.",
            "Can you explain the proration on the last statement?",
        ),
    ),
    Category.TECHNICAL: (
        (
            "{p} crashes when exporting a report",
            "API returns 500 on /v2/orders",
            "Sync between {p} and the mobile app is stuck",
            "Dashboard takes {n} seconds to load",
            "Webhook deliveries are failing since the update",
            "{p} lässt sich nach dem Update nicht starten",
            "Error al importar el archivo CSV en {p}",
            "Search in {p} returns no results",
            "Timeout when uploading attachments larger than {n} MB",
        ),
        (
            "Since this morning every attempt ends with an error and the window closes.",
            "The logs show a stack trace pointing at the sync worker; {n} users are affected.",
            "It worked last week; nothing changed on our side except the new version.",
            "We tried clearing the cache and reinstalling, the problem remains.",
            "Production is down for the whole team at {c}.",
            "Die Anwendung reagiert nicht mehr und zeigt einen weißen Bildschirm.",
            "El sistema muestra un error de conexión cada pocos minutos.",
            "Response times went from 200 ms to several seconds.",
        ),
    ),
    Category.ACCOUNT: (
        (
            "Cannot log in after password reset",
            "Please delete my {p} account",
            "Two-factor codes are not accepted",
            "Add a new administrator for {c}",
            "Change the email address on my profile",
            "Konto gesperrt nach zu vielen Versuchen",
            "No puedo restablecer mi contraseña",
            "SSO login loops back to the sign-in page",
            "Permissions missing for the {p} workspace",
        ),
        (
            "The reset link arrives but says it has expired.",
            "I no longer work with {p} and want all my data removed.",
            "My colleague left {c}; we need to move ownership of the workspace.",
            "The authenticator app shows a code but the login page rejects it.",
            "I need read access to the reports for my team.",
            "Mein Konto wurde gesperrt, obwohl das Passwort stimmt.",
            "Necesito cambiar el correo asociado a la cuenta.",
            "Someone may have accessed my account from another country.",
        ),
    ),
    Category.GENERAL: (
        (
            "Feature request: dark mode for {p}",
            "Where can I find the {p} documentation?",
            "Feedback on the new onboarding",
            "Is there a roadmap for {p} integrations?",
            "Question about data retention",
            "Vorschlag: Export als Excel in {p}",
            "Pregunta sobre el plan para ONG",
            "How do I invite guests to a project?",
            "Thanks for the quick help last week",
        ),
        (
            "It would help our team at {c} if this were possible.",
            "I could not find this in the help center.",
            "Just a question, nothing urgent.",
            "We are evaluating {p} for {n} more seats next quarter.",
            "Könnten Sie mir die Dokumentation dazu schicken?",
            "Queríamos saber si hay descuentos para organizaciones sin ánimo de lucro.",
            "A small suggestion from our weekly review.",
            "Keep up the good work!",
        ),
    ),
}
URGENT_HINTS = {
    Priority.CRITICAL: ("All users are blocked.", "Possible security breach.", "Data loss reported."),
    Priority.HIGH: ("This blocks our month-end close.", "Several people cannot work."),
    Priority.MEDIUM: ("There is a workaround for now.",),
    Priority.LOW: ("No rush.",),
}
PRIORITY_WEIGHTS = {
    Category.BILLING: (0.3, 0.4, 0.25, 0.05),
    Category.TECHNICAL: (0.15, 0.35, 0.35, 0.15),
    Category.ACCOUNT: (0.25, 0.4, 0.28, 0.07),
    Category.GENERAL: (0.6, 0.3, 0.08, 0.02),
}
CATEGORY_WEIGHTS = (0.25, 0.4, 0.2, 0.15)


def _cumulative(weights: tuple[float, ...]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def synthetic_tickets(
    count: int, *, now: datetime | None = None, seed: int = 7, days: int = 365
) -> Iterator[NewTicket]:
    """`count` tickets created over the last `days` days, with consistent status histories.

    Written for speed (a million in well under a minute): plain `random()` arithmetic instead of
    `choices`/`sample`, times as epoch seconds until the end.
    """
    rng = random.Random(seed)
    rand = rng.random
    now_ts = (now or datetime.now(UTC)).timestamp()
    categories = list(Category)
    priorities = list(Priority)
    category_cum = _cumulative(CATEGORY_WEIGHTS)
    priority_cum = {c: _cumulative(w) for c, w in PRIORITY_WEIGHTS.items()}
    hints = {p: URGENT_HINTS[p] for p in Priority}
    span = days * 86400.0
    hour = 3600.0
    for _ in range(count):
        category = categories[bisect(category_cum, rand() * category_cum[-1])]
        priority = priorities[bisect(priority_cum[category], rand() * priority_cum[category][-1])]
        titles, sentences = TEMPLATES[category]
        slots = {
            "p": PRODUCTS[int(rand() * len(PRODUCTS))],
            "c": CUSTOMERS[int(rand() * len(CUSTOMERS))],
            "n": 2 + int(rand() * 9998),
        }
        title = titles[int(rand() * len(titles))].format_map(slots)
        k = 2 + int(rand() * 3)
        first = int(rand() * len(sentences))
        step = 1 + int(rand() * (len(sentences) - 1))  # distinct sentences: a stride through the list
        body = [sentences[(first + i * step) % len(sentences)].format_map(slots) for i in range(k)]
        priority_hints = hints[priority]
        body.append(priority_hints[int(rand() * len(priority_hints))])
        # Skew towards recent days, as a real queue is.
        age = span * (rand() ** 1.6)
        created = now_ts - age
        changes: list[tuple[datetime, Status]] = []
        hours = age / hour
        if hours > 2 and rand() < min(0.95, hours / 72):
            at = created + hour * (0.2 + rand() * (min(hours, 8) - 0.2))
            changes.append((datetime.fromtimestamp(at, UTC), Status.IN_PROGRESS))
            left = (now_ts - at) / hour
            if left > 1 and rand() < 0.85:
                at += hour * (0.5 + rand() * (min(left, 96) - 0.5))
                changes.append((datetime.fromtimestamp(at, UTC), Status.RESOLVED))
                left = (now_ts - at) / hour
                if left > 24 and rand() < 0.6:
                    at += hour * (1 + rand() * (min(left, 240) - 1))
                    changes.append((datetime.fromtimestamp(at, UTC), Status.CLOSED))
        yield NewTicket(
            title=title,
            description=" ".join(body),
            category=category,
            priority=priority,
            created_at=datetime.fromtimestamp(created, UTC),
            status_changes=tuple(changes),
            source=EventSource.IMPORT,
        )
