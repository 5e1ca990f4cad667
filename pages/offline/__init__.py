"""Reading the programme offline on a phone: the service worker, the web app
manifest in each language and the offline page."""
