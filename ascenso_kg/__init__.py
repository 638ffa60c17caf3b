"""ascenso-kg: an open knowledge graph of Mexican second-tier football."""

__version__ = "0.1.0"
