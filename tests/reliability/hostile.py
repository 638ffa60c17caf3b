"""Hostile queries over the real release: each runs far past any time limit unless it is stopped."""

NESTING = 30

HOSTILE = {
    "cartesian product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "unbounded property path": "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<urn:x:q>|^!<urn:x:q>)* ?b }",
    "huge ORDER BY": "SELECT ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c DESC(?f) LIMIT 1",
    "REGEX over every literal": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?t ?q ?l FILTER(isLiteral(?l) && "
                                "REGEX(CONCAT(STR(?o), STR(?l)), \"(a|e|i|o|u)+z{3,9}$\", \"i\")) }",
    "deeply nested sub-queries": "SELECT (COUNT(*) AS ?n) WHERE { " + "{ SELECT * WHERE { " * NESTING
                                 + "?a ?b ?c . ?d ?e ?f . ?g ?h ?i" + " } }" * NESTING + " }",
}

NORMAL = [
    "PREFIX akg: <https://w3id.org/ascenso-kg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "SELECT ?club ?name WHERE { ?club a akg:Club ; rdfs:label ?name } ORDER BY ?name LIMIT 20",
    "PREFIX akg: <https://w3id.org/ascenso-kg/ontology#>\n"
    "SELECT ?tie WHERE { ?tie akg:decidedBy akg:DecidedOnAwayGoals }",
    "PREFIX akg: <https://w3id.org/ascenso-kg/ontology#>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"
    "SELECT ?first ?last WHERE { <https://w3id.org/ascenso-kg/resource/match/2013-05-11-necaxa-neza> "
    "prov:wasDerivedFrom ?span . ?span akg:firstLine ?first ; akg:lastLine ?last }",
    "ASK { ?s a <https://w3id.org/ascenso-kg/ontology#Match> }",
]
