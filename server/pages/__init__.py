"""Entity pages: every resource IRI dereferenced as an HTML page and its RDF twins (see ``dereference``).

``entity.build_page`` is the one data function; ``describe`` holds what every page shows, and ``matches``,
``competitions``, ``clubs``, ``league_tables`` and ``ontology`` the football views of the classes that have one.
"""
