"""The roots the site search compares (modules/stemming.py), on the words of the demo
curriculum: families that must meet, words that must stay apart, and the Snowball part being
PostgreSQL's own `indonesian` stemmer."""

import re

import pytest
from django.db import connection

from demo.loader import DATA
from modules.stemming import query_roots, stem, text_roots

FAMILIES = [
    ["rujuk", "rujukan", "merujuk", "dirujuk", "merujukkan", "rujukannya"],
    ["damping", "pendampingan", "mendampingi", "didampingi", "pendamping"],
    ["sejahtera", "kesejahteraan"],
    ["salahguna", "penyalahgunaan", "disalahgunakan", "menyalahgunakan"],
    ["relawan", "kerelawanan"],
    ["kenal", "mengenal", "mengenali", "dikenali", "mengenalkan"],
    ["lapor", "laporan", "pelaporan", "melaporkan"],
    ["catat", "catatan", "pencatatan", "mencatat"],
    ["kunjung", "kunjungan", "berkunjung", "mengunjungi"],
    ["peta", "pemetaan", "memetakan"],
    ["bencana", "kebencanaan"],
    ["daya", "pemberdayaan"],
    ["masalah", "permasalahan"],
    ["terima", "penerima", "menerima", "penerimaan"],
    ["rusak", "kerusakan"],
    ["tindaklanjut", "menindaklanjuti", "ditindaklanjuti"],
    ["anak", "anak-anak"],
]

# Pairs a stemmer alone gets wrong: Snowball (masalah -> masa, media -> dia, empati -> empat,
# rujukan -> ruju) or Sastrawi's dictionary (relawan -> rawan, menangis -> menang).
APART = [
    ("masalah", "masa"),
    ("media", "dia"),
    ("empati", "empat"),
    ("relawan", "rawan"),
    ("kerelawanan", "kerawanan"),
    ("menangis", "menang"),
    ("kerusakan", "rusa"),
    ("keluarga", "luar"),
    ("perempuan", "empu"),
]


def curriculum_words() -> set[str]:
    text = " ".join(
        path.read_text(encoding="utf-8")
        for path in DATA.rglob("*")
        if path.suffix in (".md", ".yaml")
    )
    return set(re.findall(r"[a-z]+", re.sub(r"<[^>]+>", " ", text).lower()))


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family[0])
def test_word_families_of_the_curriculum_share_one_root(family):
    assert {stem(word) for word in family} == {family[0]}


@pytest.mark.parametrize(("one", "other"), APART)
def test_words_that_only_look_alike_keep_different_roots(one, other):
    assert stem(one) != stem(other)


def test_a_compound_is_found_by_its_parts_and_a_query_keeps_its_order():
    assert {"salahguna", "salah", "guna"} <= text_roots("penyalahgunaan narkotika")
    assert query_roots("Merujuk, DIRUJUK  rujukan!") == ["rujuk"]
    assert query_roots("salah guna") == ["salah", "guna"]
    assert query_roots("pendampingan é-KTP") == ["damping", "e", "ktp"]
    assert query_roots(" ".join(f"kata{i}" for i in range(20))) == [f"kata{i}" for i in range(8)]
    assert query_roots("!!! ... ???") == []


def test_every_word_of_the_curriculum_has_a_root_quickly():
    import time

    words = sorted(curriculum_words())
    assert len(words) > 1000
    stem.cache_clear()
    started = time.perf_counter()
    roots = {word: stem(word) for word in words}
    assert time.perf_counter() - started < 2.0  # about 10 ms here; fresh for every page saved
    assert all(roots.values())


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own stemmer")
def test_the_snowball_part_is_postgresqls_indonesian_stemmer():
    """The fallback for words Sastrawi does not know is Snowball's Indonesian stemmer run in
    Python, so that SQLite finds what PostgreSQL does; here it is checked word for word
    against PostgreSQL's `indonesian` configuration."""
    from modules.stemming import _snowball

    words = sorted(curriculum_words())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, (ts_lexize('indonesian_stem', w))[1] FROM unnest(%s::text[]) AS w",
            [words],
        )
        postgres = dict(cursor.fetchall())
    ours = {word: _snowball().stemWord(word) for word in words}
    assert {w: (ours[w], postgres[w]) for w in words if ours[w] != postgres[w]} == {}
    assert postgres["rujukan"] == "ruju" and postgres["penyalahgunaan"] == "salahguna"
