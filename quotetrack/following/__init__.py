"""Following the web: what feeds and sitemaps list that the archive lacks (``listings``),
and the morning update of the followed ones (``update``)."""
