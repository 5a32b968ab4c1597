"""Impact cues for the priority, in the eight languages: a ticket that speaks of an outage, lost data, a
security breach, blocked work, lost money or urgency (or of no hurry, a workaround) gets one made-up word
per cue appended before it becomes features. A model learns one weight per cue from every language's
examples at once, so "Störung" counts like "outage" even where the corpus has no such German ticket.

The lists are stems matched at a word's start, on lower-cased text without accents (customers drop them).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# fmt: off
CUES: dict[str, tuple[str, ...]] = {
    "outage": (
        "down", "outage", "offline", "not loading", "503", "502", "gateway", "blank page", "unreachable",
        "ausgefallen", "ausfall", "storung", "nicht erreichbar", "geht nichts", "panne", "hors service", "hors ligne",
        "inaccessible", "caido", "caida", "fuera de servicio", "no carga", "fora do ar", "caiu", "instabilidade",
        "giu", "disservizio", "guasto", "non carica", "irraggiungibil", "storing", "plat", "ligt eruit",
        "onbereikbaar", "awari", "nie dziala", "lezy", "nie laduje", "niedostepn",
        # unavailable, not responding
        "unavailable", "not responding", "nicht verfugbar", "reagiert nicht", "antwortet nicht", "indisponible",
        "ne repond", "no disponible", "no responde", "indisponivel", "nao responde", "non disponibile",
        "non risponde", "niet beschikbaar", "reageert niet", "nie odpowiada",
    ),
    "everyone": (
        "everyone", "everybody", "all users", "all our", "whole company", "entire", "nobody can", "no one can",
        "alle nutzer", "alle unsere", "ganze firma", "gesamte", "niemand", "tous les", "toute l'entreprise",
        "personne ne", "plus personne", "todos los", "toda la empresa", "nadie", "todos os", "empresa inteira",
        "ninguem", "tutti gli", "tutta l'azienda", "nessuno", "alle gebruikers", "al onze", "hele bedrijf", "niemand",
        "wszyscy", "wszystkich", "cala firma", "nikt",
        # none of us, all of our staff or customers
        "none of", "nobody", "no one", "all of our", "every customer", "all customers", "all staff", "keiner",
        "keine der", "alle kollegen", "alle mitarbeiter", "alle kunden", "aucun", "tout le monde", "tous nos",
        "toutes nos", "ningun", "todo el mundo", "todos nuestros", "todas nuestras", "nenhum", "todo mundo",
        "todos os nossos", "nessun", "tutti i nostri", "tutte le nostre", "geen van", "geen enkele", "iedereen",
        "alle klanten", "alle collega", "zaden", "zadna", "zadnego", "nikomu", "nikogo",
    ),
    "data_loss": (
        "lost", "deleted", "disappeared", "wiped", "corrupt", "missing", "gone", "verloren", "geloscht",
        "verschwunden", "beschadigt", "beschadigt", "fehlen", "perdu", "disparu", "efface", "supprim", "corromp",
        "perdid", "desaparec", "borrad", "danad", "sumiu", "sumiram", "apagad", "corrompid", "pers", "spariti",
        "sparit", "cancellat", "corrott", "kwijt", "verdwenen", "gewist", "verwijderd", "utracon", "znikn", "usunie",
        "uszkodzon", "tracimy dane", "perdendo dados",
    ),
    "security": (
        "hack", "breach", "compromis", "suspicious", "unauthori", "phishing", "leak", "someone logged",
        "data of other", "other people's", "datenleck", "verdachtig", "unbefugt", "eingebrochen", "fremde", "pirat",
        "fuite", "suspect", "intrus", "filtracion", "sospechos", "invadid", "vazamento", "suspeit", "violat",
        "fuga di dati", "sospett", "datalek", "verdacht", "ingebroken", "zhakowan", "wlam", "wyciek", "podejrzan",
        "security", "sicherheit", "securite", "seguridad", "seguranca", "sicurezza", "beveiliging", "bezpieczenst",
        # someone else's data shown to us
        "other customers", "another customer", "other companies", "another company", "other clients",
        "someone else's", "anderer kunden", "anderen kunden", "andere kunden", "anderer firmen", "anderen firma",
        "d'autres clients", "d'autres entreprises", "autre client", "autre entreprise", "autre societe",
        "otros clientes", "otra empresa", "otras empresas", "outros clientes", "outra empresa", "outras empresas",
        "altri clienti", "altre aziende", "altra azienda", "andere klanten", "ander bedrijf", "andere bedrijven",
        "innych klientow", "innej firmy", "innych firm", "cudze",
    ),
    "blocked": (
        "block", "can't work", "cannot work", "can't do", "stuck", "deadline", "waiting", "can't get my work",
        "blockier", "nicht arbeiten", "hangen fest", "komme nicht weiter", "warten", "steht still", "bloqu",
        "ne peux pas travailler", "ne peut plus", "attendent", "a l'arret", "no puedo trabajar", "no podemos",
        "esperando", "parad", "travad", "nao consigo trabalhar", "nao conseguimos", "bloccat", "fermo", "ferma",
        "non riesco", "in attesa", "blokk", "vast", "kan niet werken", "wachten", "stil", "blokuj", "utknel",
        "nie moge pracowac", "nie mozemy", "czekaja", "stoi",
    ),
    "money": (
        "losing money", "revenue", "losing orders", "lose orders", "can't pay", "cannot pay", "umsatz", "verlieren",
        "bestellungen", "perdons", "perd des", "chiffre d'affaires", "perdiendo", "perdemos", "perdendo", "perdemos",
        "perdiamo", "fatturato", "verliezen", "missen", "omzet", "tracimy", "przychod",
    ),
    "urgent": (
        "urgent", "asap", "emergency", "immediately", "right now", "today", "dringend", "sofort", "notfall", "heute",
        "urgence", "immediatement", "aujourd'hui", "urgente", "hoy", "enseguida", "hoje", "agora", "subito", "oggi",
        "spoed", "meteen", "vandaag", "nu ", "pilne", "pilnie", "natychmiast", "dzis", "dzisiaj",
    ),
    "no_hurry": (
        "no rush", "no hurry", "not urgent", "whenever", "no pressure", "minor", "small thing", "just curious",
        "curiosity", "not a big deal", "keine eile", "nicht dringend", "kleinigkeit", "kein druck", "wann immer",
        "neugierig", "rien d'urgent", "pas presse", "pas urgent", "quand vous", "detail", "curiosite", "pas grave",
        "no corre prisa", "no es urgente", "sin prisa", "cuando", "curiosidad", "no es grave", "sin presion",
        "sem pressa", "nao e urgente", "quando puderem", "quando der", "curiosidade", "nada grave", "nessuna fretta",
        "non e urgente", "quando avete", "quando vi", "curiosita", "non e grave", "piccolezza", "geen haast",
        "niet dringend", "als jullie tijd", "wanneer het", "nieuwsgierig", "geen groot", "geen druk",
        "nie ma pospiechu", "nic pilnego", "kiedy znajdziecie", "kiedy wam", "ciekawos", "drobiazg", "nic wielkiego",
        "bez presji",
    ),
    "workaround": (
        "workaround", "manually", "by hand", "for now", "live with", "slows", "annoying", "von hand", "umgehung",
        "solange", "bremst", "nervt", "contourn", "a la main", "en attendant", "ralenti", "genant", "penible",
        "a mano", "mientras tanto", "retrasa", "molest", "contornar", "na mao", "enquanto isso", "atrasa",
        "atrapalha", "chato", "nel frattempo", "rallenta", "fastidi", "met de hand", "tot die tijd", "houdt me op",
        "vervelend", "lastig", "recznie", "na razie", "obejsc", "spowalnia", "przeszkadza", "uciazliw",
    ),
    # What a ticket is about, for the category: the same words in every language.
    "money_words": (
        "invoice", "bill", "charge", "refund", "payment", "pay ", "paid", "price", "pricing", "plan", "subscription",
        "discount", "coupon", "promo", "credit card", "card", "vat", "tax", "receipt", "renewal", "trial", "seats",
        "rechnung", "abbuch", "abgebucht", "erstatt", "zahlung", "bezahl", "preis", "tarif", "abo", "rabatt",
        "gutschein", "kreditkarte", "karte", "lastschrift", "uberweisung", "lizenz", "factur", "prelev", "rembours",
        "paiement", "payer", "paye", "prix", "tarif", "abonnement", "remise", "reduction", "carte", "tva", "cobr",
        "reembols", "pago", "pagar", "precio", "suscripcion", "descuento", "cupon", "tarjeta", "importe", "cuota",
        "fatura", "nota fiscal", "estorno", "reembolso", "pagamento", "preco", "assinatura", "desconto", "cupom",
        "cartao", "boleto", "addebit", "rimbors", "fattur", "pagament", "prezz", "abbonament", "sconto", "carta",
        "canone", "bonifico", "afgeschreven", "factuur", "terugbetal", "betaling", "betaal", "prijs", "abonnement",
        "korting", "incasso", "creditcard", "btw", "oplat", "faktur", "zwrot", "platnos", "zaplac", "cena", "cen",
        "subskrypcj", "rabat", "kupon", "karta", "karte", "obciaz", "pobral", "licencj", "przelew",
    ),
    "login_words": (
        "log in", "login", "log me", "logged", "sign in", "signing in", "password", "2fa", "two-factor",
        "authenticat", "account", "profile", "user", "permission", "role", "admin", "invite", "invitation", "sso",
        "single sign", "saml", "okta", "session", "locked out", "owner", "anmeld", "einlogg", "passwort", "konto",
        "benutzer", "berechtigung", "rechte", "einladung", "abgemeldet", "zugang", "connect", "mot de passe",
        "compte", "utilisateur", "droits", "invitation", "deconnect", "identifiant", "iniciar sesion", "contrasena",
        "cuenta", "usuario", "permiso", "invitacion", "sesion", "login", "senha", "conta", "usuario", "permiss",
        "convite", "deslog", "acced", "accesso", "password", "account", "utente", "permessi", "invito", "sessione",
        "inlog", "wachtwoord", "gebruiker", "rechten", "uitnodig", "uitgelogd", "beheerder", "zaloguj", "logowa",
        "haslo", "hasla", "konto", "konta", "uzytkownik", "uprawnien", "zaprosz", "wylogow", "administrator",
    ),
    "fault_words": (
        "error", "crash", "bug", "broken", "slow", "freez", "hang", "sync", "api", "webhook", "export", "import",
        "not working", "doesn't work", "does nothing", "fails", "failed", "timeout", "500", "chart", "graph",
        "fehler", "absturz", "sturzt", "langsam", "friert", "hangt", "funktioniert nicht", "kaputt", "geht nicht",
        "erreur", "plante", "bug", "lent", "fige", "ne marche", "ne fonctionne", "echoue", "casse", "error",
        "se cierra", "se cuelga", "lento", "congela", "no funciona", "falla", "roto", "erro", "trava", "fecha",
        "lento", "congela", "nao funciona", "quebrad", "falha", "errore", "crash", "si blocca", "lent",
        "non funziona", "rotto", "fallisc", "si pianta", "fout", "crasht", "traag", "bevriest", "loopt vast",
        "werkt niet", "kapot", "mislukt", "blad", "bledu", "zawiesza", "wolno", "nie dziala", "wysypuje", "zepsut",
        "wiesza",
    ),
    "idea_words": (
        "feature", "suggestion", "idea", "would be great", "would be nice", "would be lovely", "documentation",
        "guide", "tutorial", "feedback", "thank", "kudos", "training", "demo", "partner", "reseller", "roadmap",
        "certificat", "gdpr", "funktionswunsch", "vorschlag", "idee", "ware schon", "ware super", "dokumentation",
        "anleitung", "handbuch", "lob", "schulung", "partner", "zertifikat", "datenschutz", "fonctionnalite",
        "suggestion", "idee", "serait", "documentation", "tutoriel", "bravo", "formation", "partenariat", "rgpd",
        "sugerencia", "idea", "seria genial", "estaria genial", "documentacion", "manual", "formacion", "felicidades",
        "distribuidor", "colabora", "sugestao", "ideia", "seria otimo", "seria legal", "documentacao", "treinamento",
        "elogio", "parceria", "lgpd", "suggeriment", "sarebbe", "documentazione", "guida", "formazione",
        "complimenti", "collaborazione", "idee", "zou top", "leuk als", "documentatie", "handleiding", "training",
        "compliment", "samenwerking", "avg", "pomysl", "fajnie", "propozycj", "dokumentacj", "instrukcj", "szkoleni",
        "pochwal", "wspolprac", "rodo",
    ),
    "question": (
        "how do i", "how can", "is there", "do you", "can i", "wie kann", "wie ande", "gibt es", "bieten sie",
        "comment", "est-il", "existe-t-il", "avez-vous", "proposez-vous", "como", "hay ", "tienen", "ofrecen",
        "voces tem", "existe", "come ", "c'e ", "avete", "offrite", "hoe ", "is er", "hebben jullie", "bieden jullie",
        "jak ", "czy ", "gdzie",
    ),
}
# fmt: on


def _strip(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("ł", "l")


@cache
def _matcher() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One pass over a text instead of one per cue (training spent most of its feature time in 14 searches
    per ticket): a pattern that, at every word start, captures the longest stem of any cue found there (a
    zero-width match, so no start is skipped), and for each stem the cues it proves present. Every stem
    that matches where a longer one does is a prefix of it, so its cues are the longer stem's too."""
    stems = {stem for cue in CUES.values() for stem in cue}
    cues_of = {
        stem: frozenset(name for name, cue in CUES.items() if any(stem.startswith(s) for s in cue)) for stem in stems
    }
    return re.compile(rf"(?<!\w)(?=({_trie(stems)}))"), cues_of


_Node = dict[str, "_Node"]


def _trie(stems: set[str]) -> str:
    """The stems as a regular expression shaped like a trie: one character tested per step, not every stem
    in turn; greedy, so the longest stem at a position is the one captured."""
    root: _Node = {}
    for stem in stems:
        node = root
        for char in stem:
            node = node.setdefault(char, {})
        node[""] = {}  # a stem ends here

    def pattern(node: _Node) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(root)


def cue_words(text: str) -> list[str]:
    """The cue words for this text, e.g. ["zzcueoutage", "zzcueeveryone"]."""
    pattern, cues_of = _matcher()
    found: set[str] = set()
    for match in pattern.finditer(_strip(text)):
        found |= cues_of[match.group(1)]
    return [f"zzcue{name.replace('_', '')}" for name in CUES if name in found]


# Cues of impact itself, as against how loudly or softly it is told.
_IMPACT = {"zzcueoutage", "zzcueeveryone", "zzcuedataloss", "zzcuesecurity", "zzcuemoney"}


def with_cues(text: str) -> str:
    words = cue_words(text)
    # "No rush" beside an outage or a leak is politeness, not a low priority (issue 22): the hedge gets a
    # cue of its own then, which the corpus's politely told outages teach to weigh as what it is.
    if "zzcuenohurry" in words and _IMPACT.intersection(words):
        words[words.index("zzcuenohurry")] = "zzcuehedgedimpact"
    # Each cue twice: measured, a cue that weighs as two words lifts the priority 1-2 points over one.
    words *= 2
    return f"{text}\n{' '.join(words)}" if words else text
