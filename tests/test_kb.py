"""Actor knowledge base and place index: real values from the packaged data."""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
import pytest

from communique.kb import Actor, ActorTable, Place, load_actors, load_overlay, load_places
from communique.kb.actors import DATA_PATH as ACTORS_PATH
from communique.kb.actors import Alias

SHARED_SUPRAVERDEN = Path(__file__).resolve().parents[2] / "shared" / "data" / "supraverden" / "general_list.yaml"


@pytest.fixture(scope="module")
def actors() -> ActorTable:
    return load_actors()


@pytest.fixture(scope="module")
def places():
    return load_places()


def _one(table: ActorTable, form: str) -> Actor:
    hits = table.lookup(form)
    assert len(hits) == 1, (form, [a.id for a in hits])
    return hits[0]


# -- actors ---------------------------------------------------------------------------

def test_imctc_in_three_languages(actors):
    forms = ["CIMCT", "IMCTC", "Coalition islamique militaire contre le terrorisme",
             "التحالف الإسلامي العسكري لمحاربة الإرهاب",
             "Islamic Military Counter-Terrorism Coalition",
             "Islamic Military Alliance to Fight Terrorism"]
    ids = {_one(actors, f).id for f in forms}
    assert ids == {"kb:imctc"}
    imctc = actors.get("kb:imctc")
    assert imctc.kind == "organization" and imctc.acronym == "IMCTC" and imctc.country == "SA"


def test_united_nations(actors):
    for form in ("ONU", "l'ONU", "Nations Unies", "Organisation des Nations unies",
                 "الأمم المتحدة", "للأمم المتحدة", "UN", "United Nations"):
        un = _one(actors, form)
        assert un.id == "Q1065" and un.wikidata == "Q1065", form


def test_morocco(actors):
    for form in ("Maroc", "le Maroc", "Royaume du Maroc", "Morocco", "المغرب",
                 "المملكة المغربية", "marocain", "marocaines", "Moroccan", "المغربية"):
        ma = _one(actors, form)
        assert ma.kind == "state" and ma.country == "MA" and ma.wikidata == "Q1028", form


@pytest.mark.parametrize("form, country", [
    ("Saudi", "SA"), ("saoudienne", "SA"), ("السعودي", "SA"), ("KSA", "SA"),
    ("Kingdom of Saudi Arabia", "SA"), ("المملكة العربية السعودية", "SA"),
    ("UAE", "AE"), ("الإمارات", "AE"), ("US", "US"), ("USA", "US"), ("américain", "US"),
    ("الأمريكية", "US"), ("UK", "GB"), ("Russian", "RU"), ("russe", "RU"),
    ("Pakistani", "PK"), ("Malaysian", "MY"), ("Bruneian", "BN"), ("Nigerian", "NG"),
    ("nigérian", "NG"), ("nigérien", "NE"), ("Guinean", "GN"), ("guinéen", "GN"),
    ("الغيني", "GN"), ("الجمهورية الإسلامية الموريتانية", "MR"), ("Türkiye", "TR"),
    ("Turquie", "TR"), ("Syrie", "SY"), ("سوريا", "SY"),
])
def test_state_forms(actors, form, country):
    a = _one(actors, form)
    assert (a.kind, a.country) == ("state", country)


@pytest.mark.parametrize("form, actor_id", [
    ("OCI", "Q47543"), ("منظمة التعاون الإسلامي", "Q47543"),
    ("Organisation of the Islamic Conference", "Q47543"),
    ("UA", "Q7159"), ("الاتحاد الأفريقي", "Q7159"), ("Ligue arabe", "Q7172"),
    ("جامعة الدول العربية", "Q7172"), ("CCG", "Q217172"), ("GCC", "Q217172"),
    ("مجلس التعاون لدول الخليج العربية", "Q217172"), ("UNGA", "Q47423"),
    ("Conseil de sécurité", "Q37470"), ("OCS", "Q485207"), ("SCO", "Q485207"),
    ("NATO", "Q7184"), ("OTAN", "Q7184"), ("Interpol", "Q8475"), ("UE", "Q458"),
    ("UNOCT", "kb:unoct"), ("Bureau de lutte contre le terrorisme de l'ONU", "kb:unoct"),
    ("مكتب الأمم المتحدة لمكافحة الإرهاب", "kb:unoct"), ("UNCCT", "kb:uncct"),
    ("Centre des Nations Unies pour la lutte contre le terrorisme", "kb:uncct"),
    ("CTED", "kb:un-cted"), ("CTITF", "kb:ctitf"), ("SCO RATS", "kb:sco-rats"),
    ("Sco Rats", "kb:sco-rats"), ("CAERT", "kb:acsrt"), ("ACSRT", "kb:acsrt"),
    ("CENTCOM", "kb:us-centcom"), ("القيادة المركزية الأمريكية", "kb:us-centcom"),
])
def test_organization_forms(actors, form, actor_id):
    assert _one(actors, form).id == actor_id


def test_acronyms_need_capitals(actors):
    assert actors.lookup("us") == []
    assert actors.lookup("who") == []
    assert actors.lookup("rats") == []
    assert [a.id for a in actors.acronym_lookup("WHO")] == ["Q7817"]
    assert actors.acronym_lookup("Who") == []
    assert [a.id for a in actors.acronym_lookup("Sco Rats")] == ["kb:sco-rats"]
    assert [a.id for a in actors.acronym_lookup("Nato")] == ["Q7184"]   # stored form
    assert actors.acronym_lookup("Maroc") == []                          # names are not acronyms


def test_every_iso_state_present(actors):
    states = {a.country: a for a in actors if a.kind == "state"}
    assert len(states) == len(pycountry.countries) == 249
    for c in pycountry.countries:
        a = states[c.alpha_2]
        assert a.id in (a.wikidata, f"iso:{c.alpha_2}")
        assert a.forms(lang="fr"), c.alpha_2


def test_every_supraverden_org_present(actors):
    sv = {s for a in actors for s in a.sources if s.startswith("supraverden:")}
    assert len(sv) == 617
    assert all(actors.get(a.id).kind == "organization"
               for a in actors if any(s.startswith("supraverden:") for s in a.sources))
    if SHARED_SUPRAVERDEN.exists():   # cross-check against the source when it is around
        text = SHARED_SUPRAVERDEN.read_text(encoding="utf-8")
        assert text.count("\n  SPRVD_id: ") + text.startswith("  SPRVD_id") == len(sv)


def test_data_file_sorted_and_well_formed():
    lines = ACTORS_PATH.read_text(encoding="utf-8").splitlines()
    recs = [json.loads(l) for l in lines]
    ids = [r["id"] for r in recs]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for r in recs:
        assert r["kind"] in ("state", "organization")
        for al in r["aliases"]:
            assert al["lang"] in ("en", "fr", "ar", "und")
            assert al["type"] in ("name", "acronym", "demonym", "short")


def test_get_len_add(actors):
    assert len(actors) > 617 + 249
    assert actors.get("nope") is None
    t = load_actors()
    t.add(Actor(id="kb:test-org", kind="organization", name="Test Org", acronym="TSTO",
                aliases=(Alias("Organisation de test", "fr", "name"),)))
    assert [a.id for a in t.lookup("organisation de test")] == ["kb:test-org"]
    assert [a.id for a in t.lookup("TSTO")] == ["kb:test-org"]
    # merging into an existing actor keeps its fields and adds the alias
    t.add(Actor(id="Q1065", kind="organization", name="",
                aliases=(Alias("Organisation onusienne", "fr", "name"),)))
    un = t.get("Q1065")
    assert un.name == "United Nations" and un.acronym == "UN"
    assert [a.id for a in t.lookup("organisation onusienne")] == ["Q1065"]
    assert actors.lookup("organisation onusienne") == []   # other tables untouched


def test_lookup_is_remembered_until_an_actor_is_added():
    t = ActorTable([Actor(id="kb:a", kind="organization", name="Harbour Council")])
    first = t.lookup("Harbour Council")
    first.clear()                                   # a caller's list is its own
    assert [a.id for a in t.lookup("Harbour Council")] == ["kb:a"]
    assert t.lookup("Harbour Board") == []
    t.add(Actor(id="kb:b", kind="organization", name="Harbour Board"))
    assert [a.id for a in t.lookup("Harbour Board")] == ["kb:b"]   # not the remembered miss


def test_overlay(tmp_path):
    ov = tmp_path / "overlay.yaml"
    ov.write_text(
        "actors:\n"
        "  - name: Saudi Ministry of Interior\n"
        "    country: sa\n"
        "    aliases:\n"
        "      - وزارة الداخلية السعودية\n"
        "      - {form: MOI, lang: en, type: acronym}\n"
        "  - id: kb:imctc\n"
        "    aliases: [Coalition antiterroriste islamique]\n",
        encoding="utf-8")
    items = load_overlay(ov)
    assert items[0].id == "kb:saudi-ministry-of-interior" and items[0].country == "SA"
    t = load_actors(overlays=[ov])
    assert [a.id for a in t.lookup("وزارة الداخلية السعودية")] == ["kb:saudi-ministry-of-interior"]
    assert [a.id for a in t.lookup("Saudi Ministry of Interior")] == ["kb:saudi-ministry-of-interior"]
    assert [a.id for a in t.lookup("coalition antiterroriste islamique")] == ["kb:imctc"]
    assert t.get("kb:imctc").name == "Islamic Military Counter Terrorism Coalition"


def test_actor_table_loads_with_states_and_organizations():
    table = load_actors()
    assert [a.kind for a in table.lookup("Saudi Arabia")] == ["state"]
    assert table.get("kb:imctc").kind == "organization"


# -- places ---------------------------------------------------------------------------

@pytest.mark.parametrize("form, name, country", [
    ("Djeddah", "Jeddah", "SA"), ("جدة", "Jeddah", "SA"), ("Jeddah", "Jeddah", "SA"),
    ("الرياض", "Riyadh", "SA"), ("بالرياض", "Riyadh", "SA"), ("Riyad", "Riyadh", "SA"),
    ("New York", "New York City", "US"), ("Alger", "Algiers", "DZ"),
    ("Algiers", "Algiers", "DZ"), ("Banjul", "Banjul", "GM"), ("Rabat", "Rabat", "MA"),
    ("الرباط", "Rabat", "MA"), ("Nouakchott", "Nouakchott", "MR"),
    ("Islamabad", "Islamabad", "PK"), ("Rawalpindi", "Rawalpindi", "PK"),
    ("Kuala Lumpur", "Kuala Lumpur", "MY"), ("Marrakech", "Marrakech", "MA"), ("Marrakesh", "Marrakech", "MA"),
    ("Tunis", "Tunis", "TN"), ("تونس", "Tunis", "TN"), ("الجزائر", "Algiers", "DZ"),
    ("Medina", "Madinah", "SA"), ("La Mecque", "Makkah", "SA"), ("الخرطوم", "Khartoum", "SD"),
])
def test_city_lookup(places, form, name, country):
    p = places.lookup(form)
    assert p is not None, form
    assert (p.name, p.country, p.kind) == (name, country, "city")
    assert p.lat is not None and p.lon is not None and p.population > 0


@pytest.mark.parametrize("form, country", [
    ("Maroc", "MA"), ("Morocco", "MA"), ("المغرب", "MA"), ("Algérie", "DZ"),
    ("Arabie saoudite", "SA"), ("السعودية", "SA"), ("Mexico", "MX"),
])
def test_country_lookup(places, form, country):
    p = places.lookup(form)
    assert isinstance(p, Place) and (p.kind, p.country) == ("country", country)
    assert p.lat is None


def test_places_unknown_and_words(places):
    assert places.lookup("Xyzzyville") is None
    for word in ("Union", "réunion", "sommet", "golfe"):
        assert places.lookup(word) is None, word
    assert places.lookup("la Réunion").country == "RE"


def test_places_index_loads_every_row():
    from communique.kb.places import DATA_PATH, _read
    idx = _read(DATA_PATH)
    assert len(idx) > 30000


def test_places_take_the_press_usage_over_geonames(places):
    assert places.lookup("Sanaa").name == "Sana'a" and places.lookup("صنعاء").name == "Sana'a"
    assert places.lookup("Ryad").name == "Riyadh"
    assert places.lookup("Xinhua") is None        # the news agency, not the town


def test_place_usage_file_renames_adds_and_drops(tmp_path):
    import gzip

    from communique.kb.places import _read

    table = tmp_path / "places.tsv.gz"
    with gzip.open(table, "wt", encoding="utf-8") as fh:
        fh.write("c\tOldname\tXA\t1.0\t2.0\t20000\toldname|old town\nc\tFieldton\tXB\t3.0\t4.0\t20000\tfieldton|field\n")
    usage = tmp_path / "usage.tsv"
    usage.write_text("# comment\nrename\tOldname\tXA\tNew Name\nalias\tOldname\tXA\tNewe|Nouveau-Nom\n"
                     "drop\tfield\t-\tan ordinary word\n", encoding="utf-8")
    idx = _read(table, usage)
    assert [idx.lookup(f).name for f in ("oldname", "New Name", "Newe", "Nouveau Nom")] == ["New Name"] * 4
    assert idx.lookup("field") is None and idx.lookup("Fieldton").name == "Fieldton"
    usage.write_text("rename\tNowhere\tXA\tX\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no place 'Nowhere'"):
        _read(table, usage)
