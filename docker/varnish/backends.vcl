# The compose backends (docker-compose.yml): two app servers, round robin,
# and the media file server. Varnish resolves the names when it loads the VCL.
# tests/serving/test_varnish.py writes its own file of this name.

probe healthz {
    .request = "GET /healthz HTTP/1.1"
        "Host: localhost"
        "Connection: close"
        "User-Agent: varnish-probe";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
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
