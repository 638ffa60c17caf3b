"""Linking the graph to Wikidata: ``ascenso-kg link`` and its link check.

The pieces, in the order ``link`` uses them:

- ``entities``: the clubs, stadiums, cities, competitions, seasons, Liguillas and players of a published build, with
  their names and English Wikipedia articles;
- ``client``: a polite SPARQL client for the Wikidata Query Service (User-Agent, pause between requests, retries with
  backoff that honour ``Retry-After``);
- ``wikidata``: the Wikidata vocabulary the queries use and what type each kind of entity must have;
- ``candidates``: items found through the Wikipedia sitelink, then by label and alias within the right type;
- ``scoring``: one reviewable row per candidate, scored;
- ``table``: ``mappings/tables/wikidata.csv`` written again, keeping every decision a reviewer made;
- ``check``: identifiers that became redirects, were deleted or have an incompatible type.

No identifier is ever made up here: a row exists only because the endpoint returned the item.
"""
