"""A WSGI app that answers its request's path, for the live tests of the gunicorn worker (no build needed)."""


def app(environ, start_response):
    body = (environ.get("PATH_INFO", "") + "\n").encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
