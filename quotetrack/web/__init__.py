"""The newsroom web interface: Datasette on the quote database, with quotetrack's pages.

``app.create_app`` builds the Datasette instance: ``metadata`` (French titles, hidden
machinery, canned queries), ``plugin`` (SQL functions, cells, routes, permissions),
``frame`` (Datasette's frame and its errors in French), ``security`` (the guard in front
of everything: hosts, origins, closed pages, CSV), ``accounts`` (reviewers' logins),
``front`` (« Qui a dit… ? », « Premières apparitions », a speaker's page), ``review_pages``
(the queue, one-click reviews, merges, login) and ``pages`` (a quote, an article's sheet,
a speaker's dossier). ``quotetrack serve`` runs it. Datasette is an optional extra
(``pip install 'quotetrack[web]'``): nothing here imports it until an app is built.
"""
