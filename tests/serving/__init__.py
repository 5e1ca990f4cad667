"""The request path: page cache, compression, routing, queries per page."""
