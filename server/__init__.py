"""The ascenso-kg web server: SPARQL endpoint, service description, VoID and dumps over a finished build.

Installed as ``ascenso_kg.server``. Start it with ``ascenso-kg serve`` or, in production,
``gunicorn -w 2 -k ascenso_kg.server.gunicorn_worker.LoopWorker --threads 8 'ascenso_kg.server.app:create_app()'``.
"""
