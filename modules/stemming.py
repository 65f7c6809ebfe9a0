"""Indonesian words to their roots, the same on every database: the search index
(modules/search.py) stores the roots of a page's words and looks up the roots of the query.

Sastrawi (dictionary based) first: rujukan, merujuk and dirujuk -> rujuk. Snowball's Indonesian
stemmer (the algorithm of PostgreSQL's `indonesian` configuration, run here in Python so SQLite
gives the same answers; tests/test_search_stemming.py compares the two on PostgreSQL) only for
words whose root Sastrawi does not know, where it still strips particles and possessives
(bansosnya -> bansos). Snowball alone over-strips roots ending in k, l or a (rujukan -> ruju,
masalah -> masa, media -> dia), so it is never preferred to a known root.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import snowballstemmer
from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

# Compound roots, indexed with their parts too: "salah guna" finds penyalahgunaan.
COMPOUNDS = {"salahguna": ("salah", "guna"), "tindaklanjut": ("tindak", "lanjut")}
# Roots of the field that Sastrawi's dictionary lacks. Without "relawan" it finds "rawan"
# (prone) in relawan; with "salahguna" penyalahgunaan and disalahgunakan meet.
EXTRA_ROOTS = ("asesmen", "disabilitas", "jejaring", "relawan", "wewenang", *COMPOUNDS)

# Words that Sastrawi takes to a wrong root that is in its dictionary (mengenali -> nali,
# menangis -> menang, kerusakan -> rusa): found in the demo curriculum, the right root here.
CORRECTIONS = {
    "berdiskusi": "diskusi",
    "berkedudukan": "duduk",
    "dikenali": "kenal",
    "kerusakan": "rusak",
    "memetakan": "peta",
    "memungut": "pungut",
    "menangis": "tangis",
    "menemani": "teman",
    "mengenali": "kenal",
    "mengunjungi": "kunjung",
    "pemetaan": "peta",
}

MAX_WORD = 40  # longer "words" are no Indonesian word: kept whole, never stemmed
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@functools.cache
def _sastrawi() -> tuple[Stemmer, ArrayDictionary]:
    words = [w for w in StemmerFactory().get_words_from_file() if w]
    dictionary = ArrayDictionary([*words, *EXTRA_ROOTS])
    return Stemmer(dictionary), dictionary


@functools.cache
def _snowball():
    return snowballstemmer.stemmer("indonesian")


# Bounded, unlike Sastrawi's own cache: queries are typed by anyone.
@functools.lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The root of one lower-case word (letters and digits, hyphens for reduplication)."""
    if len(word) > MAX_WORD or word.isdigit():
        return word
    if word in CORRECTIONS:
        return CORRECTIONS[word]
    stemmer, dictionary = _sastrawi()
    root = stemmer.stem(word)
    if not root or " " in root:  # Sastrawi splits text; one word must stay one root
        return word
    if root != word or dictionary.contains(word) or "-" in word:
        return root
    return _snowball().stemWord(word)


def normalise(text: str) -> str:
    """Lower case without accents (é -> e), so that words are compared letter by letter."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word of `text`, with its positions in `text` itself."""
    if text.isascii():
        return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text.lower())]
    plain: list[str] = []
    origin: list[int] = []  # the position in `text` of each character of `plain`
    for i, ch in enumerate(text):
        for piece in normalise(ch):
            plain.append(piece)
            origin.append(i)
    return [
        (origin[m.start()], origin[m.end() - 1] + 1, m.group())
        for m in _WORD.finditer("".join(plain))
    ]


def word_roots(word: str) -> list[str]:
    """The roots a word stands for: one, or for a hyphenated word that is no reduplication
    (e-ktp, pasca-bencana) the root of each part."""
    if "-" in word:
        whole = stem(word)
        if whole != word:  # anak-anak -> anak, sehari-hari -> hari
            return [whole]
        return [stem(part) for part in word.split("-") if part]
    return [stem(word)]


def index_roots(word: str) -> set[str]:
    """The roots under which the index finds a word: compounds under their parts too."""
    roots = set(word_roots(word))
    for root in list(roots):
        roots.update(COMPOUNDS.get(root, ()))
    return roots


def text_roots(text: str) -> set[str]:
    return {root for _, _, word in words(text) for root in index_roots(word)}


def query_roots(query: str, *, limit: int = 8) -> list[str]:
    """The distinct roots of a query, in order, at most `limit` (each is one condition)."""
    seen: list[str] = []
    for _, _, word in words(query):
        for root in word_roots(word):
            if root not in seen:
                seen.append(root)
    return seen[:limit]
