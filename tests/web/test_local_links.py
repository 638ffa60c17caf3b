"""Links to the graph's resources stay on this site: /void, the SPARQL HTML table and the reconciliation view and
preview point to local pages, never to the w3id.org IRIs (which need not resolve to this server)."""

from __future__ import annotations

import re

from tests.web.web_helpers import BROWSER

W3ID = "https://w3id.org/ascenso-kg/"


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_void_page_links_locally(web_client):
    links = hrefs(web_client.get("/void", headers=BROWSER).get_data(as_text=True))
    assert "/ontology#Club" in links and "/graph/ontology" in links
    assert not [link for link in links if link.startswith(W3ID)]


def test_results_table_links_locally(web_client):
    query = "SELECT ?club ?page WHERE { ?club a <https://w3id.org/ascenso-kg/ontology#Club> ; " \
            "<http://xmlns.com/foaf/0.1/isPrimaryTopicOf> ?page } LIMIT 3"
    links = hrefs(web_client.post("/sparql", data={"query": query}, headers=BROWSER).get_data(as_text=True))
    assert any(link.startswith("/resource/club/") for link in links)
    assert any(link.startswith("https://en.wikipedia.org/") for link in links)  # other sites' IRIs stay
    assert not [link for link in links if link.startswith(W3ID)]


def test_reconciliation_view_and_preview_link_locally(web_client):
    manifest = web_client.get("/reconcile").json
    assert manifest["view"]["url"] == "http://localhost/resource/{{id}}"
    view = manifest["view"]["url"].replace("{{id}}", "club/necaxa").removeprefix("http://localhost")
    assert web_client.get(view, headers=BROWSER).status_code == 200
    preview = web_client.get("/reconcile/preview", query_string={"id": "club/necaxa"}).get_data(as_text=True)
    assert hrefs(preview) == ["http://localhost/resource/club/necaxa"]


def test_a_public_host_gets_its_own_address(open_app, built):
    from tests.server.release_writer import TEST_CONFIG

    app = open_app({**TEST_CONFIG, "OUT_DIR": str(built), "PUBLIC_BASE_URL": "https://kg.example.org"})
    client = app.test_client()
    manifest = client.get("/reconcile", base_url="https://kg.example.org").json
    assert manifest["view"]["url"] == "https://kg.example.org/resource/{{id}}"
