"""The newsroom web interface: Datasette on the quote database, with quotetrack's pages.

``app.create_app`` builds the Datasette instance (metadata from ``metadata``, hooks from
``plugin``, pages from ``pages``); ``quotetrack serve`` runs it. Datasette is an optional
extra (``pip install 'quotetrack[web]'``): nothing here imports it until an app is built.
"""
