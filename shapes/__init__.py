"""The SHACL shapes the graph is validated against, installed as package data (``ascenso_kg.resources``)."""
