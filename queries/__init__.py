"""The example SPARQL queries the query editor offers, installed as package data (``ascenso_kg.resources``)."""
