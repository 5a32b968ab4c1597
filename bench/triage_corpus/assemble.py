"""Turn phrase pools into tickets the way customers write them: a greeting or none, the problem, what it
does to them (which decides the priority), sometimes a second thought, a sign-off and a signature, a
quoted earlier reply, another language mixed in, typos, lost accents, all lower case.

A pool file defines, per language: `greet`, `close`, `names`, `quote_head` (with {name}), `quoted`
(earlier support replies), `extra` (category-neutral context), `imp` (impact sentences per priority) and
`scen`: one scenario a line, `category|priorities|title|body` (priorities as letters, e.g. `MH`;
several bodies separated by ` // `); `{p}` in a title or body is replaced by a product.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, replace

PRIORITY = {"L": "low", "M": "medium", "H": "high", "C": "critical"}
# How often each priority is chosen among those a scenario allows (real queues: medium most common).
PRIORITY_WEIGHT = {"L": 0.9, "M": 1.2, "H": 0.9, "C": 0.6}


@dataclass(frozen=True)
class Scenario:
    lang: str
    category: str
    priorities: str
    titles: list[str]
    bodies: list[str]
    group: str


def scenarios(lang: str, pool: dict, set_name: str) -> list[Scenario]:
    out = []
    for n, line in enumerate(raw.strip() for raw in pool["scen"].strip().splitlines()):
        if not line or line.startswith("#"):
            continue
        category, priorities, title, body = (part.strip() for part in line.split("|", 3))
        out.append(
            Scenario(lang, category, priorities, title.split(" // "), body.split(" // "), f"{set_name}-{lang}-{n}")
        )
    return out


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).replace("ł", "l")


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    match rng.randrange(4):
        case 0:  # swapped letters
            return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
        case 1:  # a letter dropped
            return word[:i] + word[i + 1 :]
        case 2:  # a letter doubled
            return word[:i] + word[i] + word[i:]
        case _:  # a neighbouring key
            return word[:i] + rng.choice("asdfghjklqwertzuiop") + word[i + 1 :]


def messy(text: str, rng: random.Random, rate: float) -> str:
    words = text.split(" ")
    return " ".join(typo(w, rng) if rng.random() < rate else w for w in words)


def ticket(s: Scenario, pools: dict, products: list[str], rng: random.Random) -> dict:
    pool = pools[s.lang]
    allowed = s.priorities
    letter = rng.choices(allowed, [PRIORITY_WEIGHT[c] for c in allowed])[0]
    product = rng.choice(products)
    title = rng.choice(s.titles).replace("{p}", product)
    body = rng.choice(s.bodies).replace("{p}", product)
    parts: list[str] = []
    if rng.random() < 0.7:
        parts.append(rng.choice(pool["greet"]))
    opener = pool.get("open")  # only tone pools have openers; the other pools' draws stay as they were
    if opener and rng.random() < 0.6:
        parts.append(rng.choice(opener[letter]))
    parts.append(body)
    if rng.random() < 0.35:
        parts.append(rng.choice(pool["extra"]).replace("{p}", product))
    # A scenario with one priority says its impact itself; otherwise the impact sentence decides.
    impact_group = s.group  # no impact sentence: the scenario itself says how bad it is
    if len(allowed) > 1 or rng.random() < 0.6:
        n = rng.randrange(len(pool["imp"][letter]))
        impact, impact_group = pool["imp"][letter][n], f"{pool.get('imp_tag', '')}{s.lang}-{letter}{n}"
        parts.insert(len(parts) if rng.random() < 0.8 else max(0, len(parts) - 2), impact)
    if rng.random() < 0.12 and s.lang != "en":  # a sentence in English, as people in international teams write
        en = pools["en"]
        parts.append(rng.choice(en["imp"][letter] if rng.random() < 0.5 else en["close"]))
    if rng.random() < 0.75:
        parts.append(rng.choice(pool["close"]))
    text = (" " if rng.random() < 0.4 else "\n\n").join(parts)
    if rng.random() < 0.6:
        name = rng.choice(pool["names"])
        sig = rng.choice(["\n\n" + name, "\n\n-- \n" + name + "\n" + rng.choice(COMPANIES), "\n" + name.split()[0]])
        text += sig
        if rng.random() < 0.2:
            text += "\n" + rng.choice(PHONES)
    if rng.random() < 0.2:
        quoted = rng.choice(pool["quoted"])
        head = rng.choice(pool["quote_head"]).replace("{name}", "Support")
        text += "\n\n" + head + "\n" + "\n".join("> " + line for line in quoted.split("\n"))
        if rng.random() < 0.6:
            title = rng.choice(["Re: ", "RE: ", "AW: ", "Fwd: ", "R: ", "Odp: "]) + title
    rate = rng.choice([0.0, 0.0, 0.02, 0.05, 0.1])
    text = messy(text, rng, rate)
    if rng.random() < 0.25:
        text, title = strip_accents(text), strip_accents(title)
    if rng.random() < 0.15:
        text = text.lower()
    if rng.random() < 0.1:
        title = title.upper() if rng.random() < 0.3 else title.lower()
    if rng.random() < 0.07:  # no subject line at all
        title = ""
    return {
        "lang": s.lang,
        "title": title,
        "description": text,
        "category": s.category,
        "priority": PRIORITY[letter],
        # What decided each label, for calibration folds: the scenario (category), the impact (priority).
        "group": f"{s.group}/{impact_group}",
    }


COMPANIES = [
    "Müller & Söhne GmbH",
    "Acme Logistics Ltd.",
    "Boulangerie Petit SARL",
    "Transportes Ruiz S.L.",
    "Studio Verdi s.r.l.",
    "De Vries Installatie B.V.",
    "Kowalski Sp. z o.o.",
    "Lopes & Filhos Lda.",
    "Northwind Traders",
    "Sent from my iPhone",
]
PHONES = ["Tel. +49 30 1234567", "+33 6 12 34 56 78", "Mob: +48 601 234 567", "T +31 20 555 0101", "Ph: (555) 010-2030"]


def build(pools: dict, products: list[str], count: int, seed: int, set_name: str) -> list[dict]:
    """`count` tickets, the languages in equal parts, scenarios drawn evenly within a language."""
    rng = random.Random(seed)
    by_lang = {lang: scenarios(lang, pool, set_name) for lang, pool in pools.items()}
    out = []
    langs = list(by_lang)
    for i in range(count):
        lang = langs[i % len(langs)]
        out.append(ticket(rng.choice(by_lang[lang]), pools, products, rng))
    rng.shuffle(out)
    return out


# How a tone ticket is made (train_tone): a severe scenario told softly, one told plainly, and a
# low-impact one told softly or loudly, so neither tone decides the priority on its own.
TONE_KINDS = {"soft_severe": 0.35, "plain_severe": 0.1, "soft_trivial": 0.35, "loud_trivial": 0.2}


def build_toned(pools: dict, tones: dict, products: list[str], count: int, seed: int, set_name: str) -> list[dict]:
    """`count` tickets whose tone and impact disagree, the languages in equal parts. `pools` are the
    training pools (their low-impact scenarios, greetings, signatures), `tones` train_tone.TONE."""
    rng = random.Random(seed)
    severe = {lang: scenarios(lang, {"scen": tone["severe"]}, set_name) for lang, tone in tones.items()}
    trivial = {
        lang: [replace(s, priorities="L") for s in scenarios(lang, pools[lang], "train") if "L" in s.priorities]
        for lang in tones
    }

    def variant(kind: str, lang: str) -> dict:
        tone, letters = tones[lang], "L" if kind.endswith("trivial") else "HC"
        if kind == "plain_severe":
            return pools[lang]
        closers = tone["loud"] if kind == "loud_trivial" else tone["soft_close"]
        openers = tone["loud"] if kind == "loud_trivial" else tone["soft_open"]
        return {
            **pools[lang],
            "imp": {c: closers for c in letters},
            "open": {c: openers for c in letters},
            "imp_tag": f"{kind}-",
        }

    kinds = {kind: {lang: variant(kind, lang) for lang in tones} for kind in TONE_KINDS}
    out = []
    langs = list(tones)
    for i in range(count):
        lang = langs[i % len(langs)]
        kind = rng.choices(list(TONE_KINDS), list(TONE_KINDS.values()))[0]
        scenario = rng.choice(trivial[lang] if kind.endswith("trivial") else severe[lang])
        out.append(ticket(scenario, kinds[kind], products, rng))
    rng.shuffle(out)
    return out
