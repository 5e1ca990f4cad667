# Varnish in front of the app servers (docker-compose.yml `proxy`, issue 26).
#
# What is cached: anonymous GET and HEAD of pages, feeds, calendars, the
# sitemap, static files and media. A page is kept only when the app says it may
# be shared (`Cache-Control: s-maxage`, pages/serving/cache.py); media and
# static files for a day. Never cached: requests with the session or CSRF
# cookie (editors, a visitor who unlocked a private page), /admin/ (previews
# too), /documents/ (private documents are checked by Django), /healthz and
# anything but GET and HEAD.
#
# Invalidation: any content change makes the app send one `BAN` (Wagtail's
# frontend cache, pages/serving/frontend_cache.py), which drops every cached
# page at once, as the app's own page cache does (docs/scaling.md).
#
# The backends, their directors and the addresses allowed to purge are in
# backends.vcl, found on vcl_path: compose uses the one beside this file, the
# tests write their own (tests/serving/test_varnish.py).
vcl 4.1;

import std;
import directors;

include "backends.vcl";

sub vcl_recv {
    # Purges come only from the app servers (acl purgers, backends.vcl).
    if (req.method == "BAN" || req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.method == "BAN") {
            # Any content change makes every page stale (the content
            # generation): drop every page, whatever the URL.
            ban("obj.http.x-kind == page");
            return (synth(200, "Banned"));
        }
        # Wagtail's HTTPBackend purges URL by URL: drop that path with every
        # query string it was cached with.
        ban("obj.http.x-kind == page && obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }

    set req.backend_hint = app.backend();
    if (req.url ~ "^/media/") {
        set req.backend_hint = files.backend();
    }
    # While the app servers are up, an expired page is served for at most 10 s
    # while it is fetched again; with every server down, for as long as it is
    # kept (beresp.grace).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        # A slow upload is read here whole before a server thread sees it.
        if (req.method == "POST" || req.method == "PUT") {
            std.cache_req_body(25MB);
        }
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)(/|$)" || req.url ~ "^/healthz") {
        return (pass);
    }
    if (req.url ~ "^/(media|static)/") {
        # Files: no cookie, no query (a rendition's name changes with it).
        unset req.http.Cookie;
        set req.url = regsub(req.url, "\?.*$", "");
        return (hash);
    }
    # Editors and anyone with a session or a CSRF token: straight through.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Other cookies (analytics) change nothing the app sends.
    unset req.http.Cookie;

    # The cache key: only the query parameters pages read (the programme's and
    # the showcase's filters, search, pagination; PAGE_CACHE_QUERY_PARAMETERS in
    # iclc/settings/base.py), sorted. `?utm_source=…` or a random `?x=` is the
    # page everyone gets, never a new object.
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url, "([?&])(?!(day|page|q|theme|type|venue)=)[^&]*", "\1");
        set req.url = regsuball(req.url, "&{2,}", "&");
        set req.url = regsub(req.url, "\?&", "?");
        set req.url = regsub(req.url, "[?&]$", "");
        set req.url = std.querysort(req.url);
    }

    # The language: from the address under /en/ and /es/; elsewhere (the
    # sitemap, `/`) as Django negotiates it, reduced to the two the site has,
    # so that Accept-Language's many spellings make two variants, not hundreds.
    if (req.url ~ "^/es(/|$)") {
        set req.http.Accept-Language = "es";
    } elsif (req.url ~ "^/en(/|$)") {
        set req.http.Accept-Language = "en";
    } elsif (req.http.Accept-Language ~ "^\s*es" ||
             (req.http.Accept-Language ~ "(^|,)\s*es" &&
              req.http.Accept-Language !~ "(^|,)\s*en")) {
        set req.http.Accept-Language = "es";
    } else {
        set req.http.Accept-Language = "en";
    }
    return (hash);
}

sub vcl_hash {
    # https and http pages differ (absolute links); the TLS terminator in
    # front says which it was.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_fetch {
    # No server gets a second try at a request it may already have acted on.
    if (bereq.retries > 0 && bereq.method != "GET" && bereq.method != "HEAD") {
        return (abandon);
    }
}

sub vcl_backend_response {
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    if (bereq.url ~ "^/(media|static)/") {
        set beresp.http.x-kind = "file";
        if (beresp.status == 200) {
            unset beresp.http.Set-Cookie;
            set beresp.ttl = 1d;
            set beresp.grace = 7d;
        } else {
            # A file missing now may be there in a moment (a new upload).
            set beresp.ttl = 10s;
            set beresp.grace = 0s;
        }
        return (deliver);
    }
    set beresp.http.x-kind = "page";
    if (bereq.uncacheable) {
        return (deliver);
    }
    # A page is shared only when the app says so: s-maxage, no cookie.
    if (beresp.http.Cache-Control !~ "s-maxage=[1-9]" || beresp.http.Set-Cookie ||
        beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)") {
        set beresp.ttl = 1s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Kept a day past its s-maxage: served while every app server is down.
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_backend_error {
    # A server that went away since the last probe: the next one (GET only).
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    set beresp.body = {"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ICLC 2015: briefly unavailable / no disponible por un momento</title></head>
<body style="font-family: sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem">
<h1>The site is briefly unavailable</h1>
<p>Please try again in a minute.</p>
<h1 lang="es">El sitio no está disponible por un momento</h1>
<p lang="es">Vuelva a intentarlo en un minuto.</p>
</body>
</html>
"};
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.x-kind;
    unset resp.http.x-path;
    unset resp.http.X-Page-Cache;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
