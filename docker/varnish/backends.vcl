# The compose backends (docker-compose.yml): two app servers, round robin,
# and the media file server. Varnish resolves the names when it loads the VCL.
# tests/serving/test_varnish.py writes its own file of this name.

probe healthz {
    .request = "GET /healthz HTTP/1.1"
        "Host: localhost"
        "Connection: close"
        "User-Agent: varnish-probe";
    # A busy server answers late rather than not at all: 5 s, and 3 of the
    # last 5 probes. A server that is gone is retried on the other at once
    # (default.vcl) until the probes take it out.
    .interval = 2s;
    .timeout = 5s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

backend web1 {
    .host = "web1";
    .port = "8000";
    .probe = healthz;
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
}

backend web2 {
    .host = "web2";
    .port = "8000";
    .probe = healthz;
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
}

backend media {
    .host = "media";
    .port = "80";
}

# BAN and PURGE only from the app servers and the scheduler (it publishes
# what editors scheduled). Names are resolved when the VCL loads; in
# parentheses, one that does not resolve yet is skipped rather than an error.
acl purgers {
    ("web1");
    ("web2");
    ("scheduler");
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(web1);
    app.add_backend(web2);
    new files = directors.round_robin();
    files.add_backend(media);
}
