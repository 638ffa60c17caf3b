"""The ascenso-kg ontology (``ascenso.ttl``), installed as package data: read it with ``ascenso_kg.resources``."""
