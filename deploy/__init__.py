"""The nginx configuration ``ascenso-kg serve`` runs in front of gunicorn, installed as package data."""
