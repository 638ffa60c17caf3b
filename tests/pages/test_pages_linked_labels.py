"""Labels of the resources a page links to are read once per app and reused by later pages (``LinkedLabels``)."""

from __future__ import annotations

from ascenso_kg.server.pages.page_store import LocalStore

from tests.pages.page_helpers import BROWSER, parse_page

TIE = "/resource/tournament/clausura-2013/liguilla/final/neza-necaxa"
SECOND_LEG = "/resource/match/2013-05-11-necaxa-neza"
LABELS_QUERY = "VALUES ?entity {"  # page-labels.rq, as bound


def test_a_second_page_takes_its_labels_from_the_first_and_still_lists_the_labels_query(make_app, built,
                                                                                         monkeypatch):
    client = make_app(built).test_client()  # a fresh app: nothing read yet
    asked = []
    run = LocalStore.run
    monkeypatch.setattr(LocalStore, "run", lambda self, job: asked.append(job.text) or run(self, job))

    first = client.get(SECOND_LEG, headers=BROWSER)
    first_asked, asked[:] = [text for text in asked if LABELS_QUERY in text], []
    again = client.get(SECOND_LEG, headers=BROWSER)

    assert first.status_code == again.status_code == 200
    assert len(first_asked) == 1
    assert not [text for text in asked if LABELS_QUERY in text]
    assert again.get_data() == first.get_data()  # same labels, same list of queries under "How this page was made"
    assert "page-labels" in first.get_data(as_text=True)


def test_a_page_asks_only_for_the_labels_no_earlier_page_read(make_app, built, monkeypatch):
    client = make_app(built).test_client()
    client.get(SECOND_LEG, headers=BROWSER)
    asked = []
    run = LocalStore.run
    monkeypatch.setattr(LocalStore, "run", lambda self, job: asked.append(job.text) or run(self, job))

    tie = client.get(TIE, headers=BROWSER)

    labels_queries = [text for text in asked if LABELS_QUERY in text]
    assert not any("https://w3id.org/ascenso-kg" + SECOND_LEG in text for text in labels_queries)
    assert SECOND_LEG in {link["href"] for link in parse_page(tie).links}
    assert "page-labels" in tie.get_data(as_text=True)
