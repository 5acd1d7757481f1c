"""The two HTML extractors (trafilatura, resiliparse) give the same documents and events."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest

from communique.config import Settings
from communique.errors import OptionalDependencyError
from communique.records import RawDocument
from communique.stages.html import extract_html
from communique.stages.normalize import normalize

PAGE = """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Le Maroc et le Sénégal signent un accord de coopération | Ministère des Affaires étrangères</title>
<meta property="article:published_time" content="2024-03-05T10:30:00+00:00">
<meta name="description" content="Communiqué de presse">
<link rel="stylesheet" href="/style.css">
<script>window.dataLayer = [];</script>
</head>
<body>
<header class="site-header">
  <div class="logo"><a href="/">Ministère des Affaires étrangères</a></div>
  <nav class="main-menu"><ul>
    <li><a href="/">Accueil</a></li><li><a href="/ministere">Le Ministère</a></li>
    <li><a href="/actualites">Actualités</a></li><li><a href="/contact">Contactez-nous</a></li>
  </ul></nav>
</header>
<main>
<div class="breadcrumb"><a href="/">Accueil</a> / <a href="/actualites">Actualités</a></div>
<article class="post">
  <h1 class="entry-title">Le Maroc et le Sénégal signent un accord de coopération</h1>
  <div class="entry-content">
  <p>Rabat, 5 mars 2024 - Le ministre des Affaires étrangères, Nasser Bourita, a reçu mardi à Rabat son
  homologue sénégalais, Ismaïla Madior Fall, pour une séance de travail consacrée à la coopération bilatérale.</p>
  <p>À l'issue de cet entretien, les deux ministres ont signé un accord de coopération dans les domaines de la
  formation diplomatique, de l'agriculture et de la pêche maritime, selon un communiqué du ministère.</p>
  <p>Les deux responsables ont également évoqué la situation au Sahel et les préparatifs de la prochaine
  commission mixte, prévue à Dakar avant la fin de l'année.</p>
  </div>
  <div class="share"><span>Partager</span> <a href="#">Facebook</a> <a href="#">Twitter</a></div>
</article>
<aside class="sidebar"><h3>Lire aussi</h3><ul>
  <li><a href="/a1">Visite officielle du ministre au Japon pour un forum économique</a></li>
  <li><a href="/a2">Réunion du conseil de gouvernement consacrée au budget</a></li>
</ul></aside>
</main>
<footer class="site-footer">
  <p>© 2024 Ministère des Affaires étrangères. Tous droits réservés.</p>
  <ul><li><a href="/mentions">Mentions légales</a></li><li><a href="/plan">Plan du site</a></li></ul>
</footer>
</body>
</html>
"""

TITLE = "Le Maroc et le Sénégal signent un accord de coopération"
PARAGRAPHS = [
    "Rabat, 5 mars 2024 - Le ministre des Affaires étrangères, Nasser Bourita, a reçu mardi à Rabat",
    "les deux ministres ont signé un accord de coopération dans les domaines de la formation diplomatique",
    "commission mixte, prévue à Dakar avant la fin de l'année.",
]
FURNITURE = ["Accueil", "Contactez-nous", "Mentions légales", "Tous droits réservés", "Lire aussi",
             "Visite officielle du ministre au Japon", "Partager", "dataLayer"]

EXTRACTORS = ["trafilatura", "resiliparse"]


def _extractor(name: str) -> str:
    if name == "resiliparse":
        pytest.importorskip("resiliparse")
    return name


def _normalize(content: bytes | str, extractor: str, **raw: object):
    page = RawDocument(source="https://ex.org/communique.html", content=content, is_html=True, **raw)
    return normalize(page, find_date_line=lambda line: None, is_place=lambda name: name == "Rabat",
                     html_extractor=extractor)


@pytest.mark.parametrize("name", EXTRACTORS)
def test_html_fast_extractor_keeps_the_article_and_drops_the_page_furniture(name):
    text, title, published = extract_html(PAGE, _extractor(name))
    assert (title, published) == (TITLE, "2024-03-05")
    flat = " ".join(text.split())
    assert all(p in flat for p in PARAGRAPHS)
    assert not [f for f in FURNITURE if f in text]
    # one paragraph a line (resiliparse: a blank line between them), the headline first, the dateline next
    paragraphs = [line for line in text.split("\n") if line.strip()]
    assert paragraphs[0] == TITLE and paragraphs[1].startswith("Rabat, 5 mars 2024 - ") and len(paragraphs) == 4


def test_html_fast_normalized_documents_are_the_same():
    _extractor("resiliparse")
    slow, fast = _normalize(PAGE.encode(), "trafilatura"), _normalize(PAGE.encode(), "resiliparse")
    assert fast == slow
    assert (fast.title, fast.published, fast.dateline_place) == (TITLE, "2024-03-05", "Rabat")
    assert fast.text.split("\n\n")[1].startswith("Rabat, 5 mars 2024")


def test_html_fast_pipeline_gives_the_same_events(pipeline):
    from communique import Pipeline
    from communique.export import document_record

    _extractor("resiliparse")
    records = {}
    for name in ("trafilatura", "resiliparse"):
        settings = replace(pipeline.res.settings, html_extractor=name)
        run = Pipeline(replace(pipeline.res, settings=settings))   # same models and KB, other extractor
        raw = RawDocument(source="https://ex.org/communique.html", content=PAGE.encode(), is_html=True)
        (result,) = list(run.run([raw]))
        assert not hasattr(result, "stage"), f"{name} rejected: {result}"
        records[name] = document_record(result)
    slow, fast = records["trafilatura"], records["resiliparse"]
    assert fast["document"]["lang"] == slow["document"]["lang"] == "fr"
    assert fast["document"] == slow["document"]
    assert fast["events"] == slow["events"] and fast["events"]
    assert any(e["type"] == "agreement" for e in fast["events"])


def test_html_fast_reads_dates_and_titles_of_other_markup():
    _extractor("resiliparse")
    sentence = "Le ministre a reçu son homologue à Rabat pour des entretiens bilatéraux. "
    body = f"<article><p>{sentence * 3}</p></article>"
    cases = [
        ('<meta name="DC.Date" content="2023/11/07"><title>Accord signé - Site</title>', "Accord signé", "2023-11-07"),
        ('<meta itemprop="datePublished" content="20220131"><meta property="og:title" content="Titre OG">',
         "Titre OG", "2022-01-31"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-06-15T08:00:00Z"}</script>'
         + "<title>Titre seul</title>", "Titre seul", "2021-06-15"),
        ("<title>Sans date</title>", "Sans date", None),
    ]
    for head, title, published in cases:
        _, got_title, got_published = extract_html(f"<html><head>{head}</head><body>{body}</body></html>",
                                                   "resiliparse")
        assert (got_title, got_published) == (title, published), head
    page = f'<html><body><h1>Visite à Rabat</h1><time datetime="2020-02-29T09:00">29 février</time>{body}</body></html>'
    assert extract_html(page, "resiliparse")[1:] == ("Visite à Rabat", "2020-02-29")


def test_html_fast_decodes_pages_in_legacy_encodings():
    _extractor("resiliparse")
    arabic = ("<html lang='ar'><head><meta charset='windows-1256'><title>استقبال</title></head><body><article>"
              "<p>استقبل وزير الخارجية نظيره السنغالي في الرباط لبحث سبل تعزيز التعاون الثنائي بين البلدين.</p>"
              "</article></body></html>")
    doc = _normalize(arabic.encode("cp1256"), "resiliparse")
    assert "استقبل وزير الخارجية نظيره السنغالي في الرباط" in doc.text
    french = PAGE.replace('charset="utf-8"', 'charset="windows-1252"')
    assert _normalize(french.encode("cp1252"), "resiliparse") == _normalize(PAGE.encode(), "resiliparse")


def test_html_fast_settings_and_cli_name_the_extra_when_resiliparse_is_missing(monkeypatch, capsys, tmp_path):
    import communique.config
    from communique.cli import build_parser, main

    with pytest.raises(ValueError, match="trafilatura"):
        Settings(html_extractor="lxml")
    args = build_parser().parse_args(["extract", "page.html", "--html-extractor", "resiliparse"])
    assert args.html_extractor == "resiliparse"

    monkeypatch.setattr(communique.config, "find_spec", lambda name: None)
    with pytest.raises(OptionalDependencyError, match=r"pip install 'communique\[fast\]'"):
        Settings(html_extractor="resiliparse")
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page), "--db", str(tmp_path / "x.duckdb"), "--html-extractor", "resiliparse"]) == 2
    assert "pip install 'communique[fast]'" in capsys.readouterr().err

    for name in [m for m in sys.modules if m == "resiliparse" or m.startswith("resiliparse.")] + ["resiliparse"]:
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(OptionalDependencyError, match=r"communique\[fast\]"):
        extract_html(PAGE, "resiliparse")
    assert extract_html(PAGE, "trafilatura")[1] == TITLE      # the default needs nothing more


@pytest.mark.parametrize("name", EXTRACTORS)
def test_html_fast_page_without_main_text_is_rejected(name):
    from communique.records import Rejected

    nav_only = "<html><body><nav><a href='/'>Accueil</a> <a href='/contact'>Contact</a></nav></body></html>"
    rejected = _normalize(nav_only, _extractor(name))
    assert isinstance(rejected, Rejected) and rejected.stage == "normalize"
