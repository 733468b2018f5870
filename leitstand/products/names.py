"""How a product name as people write it becomes tokens: one normal form for names and aliases.

"Win Server 2012R2 (Fileserver)" -> tokens win, server, 2012, r2 and the context word
fileserver. Umlauts are transliterated (ü -> ue) so "Büro", "Buero" and "BÜRO" meet;
letters and digits glued together are split ("Shopware6", "Office365"), except for the
version forms that belong together: 2012R2 -> 2012 r2, 22H2, SP3, V7R3 (IBM: 7.3),
W2K12 (2012). Patch levels (CU14, SU5) are dropped: they never name a release cycle.
"""

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
BRACKETS = re.compile(r"[(\[{]([^)\]}]*)[)\]}]?")
VERSION_DOT = re.compile(r"\bv\.(\d)")
CHUNKS = re.compile(r"\d+(?:\.\d+)+|[a-z0-9]+")
TOKEN = re.compile(
    r"w?2k(?:\d{1,2})?(?![0-9])"  # W2K12, 2k8, Win2k
    r"|\d{2}h[12](?![0-9])"  # 22H2
    r"|v\d+r\d+"  # V7R3 (IBM i)
    r"|v\d+(?:\.\d+)*"  # v12
    r"|sp\d+|cu\d+|su\d+|ur\d+"  # service pack, cumulative / security update
    r"|r\d(?![0-9])"  # R2
    r"|\d+(?:\.\d+)+"  # 6.5.8
    r"|\d+"
    r"|[a-z]+"
)
PATCH_LEVEL = re.compile(r"(?:cu|su|ur)\d+")
TWO_K = re.compile(r"w?2k(\d{0,2})")
VERSION_WORD = re.compile(r"r\d|sp\d+|\d{2}h[12]")

# Words that say what a thing is used for or where, not which product it is.
CONTEXT_WORDS = frozenset(
    (
        "gruppe",
        "gruppen",
        "group",
        "groups",
        "baustelle",
        "baustellengruppe",
        "board",
        "projektboard",
        "boards",
        "kundenportal",
        "fileserver",
        "dateiserver",
        "privat",
        "private",
        "persoenlich",
        "personal",
        "eigener",
        "eigenes",
        "vertrieb",
        "einkauf",
        "verkauf",
        "marketing",
        "buchhaltung",
        "lager",
        "fahrer",
        "chef",
        "geschaeftsfuehrung",
        "kunden",
        "team",
        "intern",
        "extern",
        "alt",
        "neu",
        "old",
        "new",
        "test",
        "produktiv",
        "live",
        # words that say what kind of thing it is
        "zeiterfassung",
        "telefonanlage",
        "telefonie",
        "warenwirtschaft",
        "crm",
        "erp",
        "shop",
        "webshop",
        "website",
        "homepage",
        "wiki",
        "lohn",
        "lohnabrechnung",
        "datenbank",
        "liste",
        "tabelle",
        "nas",
        "netzlaufwerk",
        "server",
        "backup",
        "datensicherung",
        "firewall",
        "router",
        "mail",
        "email",
        "portal",
        "messenger",
        "videokonferenz",
        "antivirus",
        "virenschutz",
        "dms",
        "archiv",
        "newsletter",
        "fibu",
        "rechnungen",
        "rechnung",
        "zugang",
    )
)
# Words that name the kind of licence or edition, a legal form or the word "software".
NOISE_WORDS = frozenset(
    (
        "gmbh",
        "ag",
        "kg",
        "co",
        "inc",
        "ltd",
        "se",
        "llc",
        "corp",
        "corporation",
        "sa",
        "bv",
        "software",
        "programm",
        "program",
        "app",
        "apps",
        "tool",
        "tools",
        "lizenz",
        "lizenzen",
        "licence",
        "license",
        "version",
        "vers",
        "edition",
        "ed",
        "abo",
        "abonnement",
        "subscription",
        "account",
        "konto",
        "login",
        "zugang",
        "nutzer",
        "user",
        "standard",
        "std",
        "datacenter",
        "essentials",
        "foundation",
        "home",
        "pro",
        "professional",
        "business",
        "premium",
        "prem",
        "enterprise",
        "education",
        "plus",
        "deluxe",
        "basic",
        "basis",
        "starter",
        "free",
        "kostenlos",
        "express",
        "community",
        "team",
        "teams",
        "classic",
        "suite",
        "paket",
        "plan",
        "cloud",
        "online",
        "desktop",
        "mobile",
        "web",
        "und",
        "and",
        "fuer",
        "for",
        "mit",
        "with",
        "von",
        "vom",
        "der",
        "die",
        "das",
        "the",
        "des",
        "im",
        "in",
        "am",
        "auf",
        "ltsc",
        "ltsb",
        "lts",
        "iot",
        "x64",
        "x86",
        "bit",
    )
)
SHADOW_WORDS = frozenset({"privat", "private", "persoenlich", "personal", "eigener", "eigenes"})


class Name(NamedTuple):
    """A name split into its tokens and the context words found in brackets (a tuple: made
    for every name of a list, ten times faster than a frozen dataclass)."""

    tokens: tuple[str, ...]
    context: tuple[str, ...]


def fold(text: str) -> str:
    """Lower case, umlauts transliterated, other accents removed, compatibility forms unified."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isascii():  # (translating costs more than the rest; ASCII has no umlauts)
        return text
    text = text.translate(TRANSLITERATION)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _token(raw: str) -> tuple[str, ...]:
    if raw.isalpha() or raw.isdigit():  # most words and numbers: none of the forms below
        return (raw,)
    if PATCH_LEVEL.fullmatch(raw):
        return ()
    two_k = TWO_K.fullmatch(raw)
    if two_k:
        digits = two_k.group(1)
        # "W2K12", "2k8": people write the server versions this way; "Win2k" is Windows 2000.
        return ("server", f"20{int(digits):02d}") if digits else ("2000",)
    if raw[0] == "v" and len(raw) > 1 and raw[1].isdigit():
        if "r" in raw:
            version, release = raw[1:].split("r", 1)
            return (f"{int(version)}.{int(release)}",)
        return (raw[1:],)
    return (raw,)


def tokens_of(text: str) -> tuple[str, ...]:
    """The tokens of a folded text without brackets."""
    if text.isascii():  # most names: plain words and numbers between spaces, which are tokens
        words = text.split()
        if all(word.isalpha() or word.isdigit() for word in words):
            return tuple(words)
    return _tokens_by_pattern(text)


def _tokens_by_pattern(text: str) -> tuple[str, ...]:
    tokens = []
    if "v." in text:  # "v.7" is v7
        text = VERSION_DOT.sub(r"v\1", text)
    for chunk in CHUNKS.findall(text):
        if chunk.isalpha() or chunk.isdigit():  # a plain word or number is one token
            tokens.append(chunk)
            continue
        for raw in TOKEN.findall(chunk):
            tokens.extend(_token(raw))
    return tuple(tokens)


@lru_cache(maxsize=65536)
def parse_name(text: str) -> Name:
    """Tokens of the name and of its bracketed remarks ("Dropbox (Vertrieb privat)")."""
    folded = fold(text)
    if "(" not in folded and "[" not in folded and "{" not in folded:
        return Name(tokens=tokens_of(folded), context=())
    context = []
    for remark in BRACKETS.findall(folded):
        context.extend(tokens_of(remark))
    main = BRACKETS.sub(" ", folded)
    return Name(tokens=tokens_of(main), context=tuple(context))


def is_version_token(token: str) -> bool:
    """Numbers, dotted versions and the version words R2, SP3, 22H2."""
    if token[0].isdigit():
        return True
    return VERSION_WORD.fullmatch(token) is not None
