"""HTML to PDF with WeasyPrint: A4 (the print stylesheet's `@page`), tagged,
with the document's title, language and authors as PDF metadata.

Imported only when an edition is made: WeasyPrint loads Pango, a system
library (`make deb-pango`), which the web servers never need.
"""

from weasyprint import HTML

from .fetcher import LocalFetcher

PDF_OPTIONS = {
    # PDF/UA-1: a tagged PDF (headings, paragraphs, lists, tables, figures'
    # alternative text) with its title shown in the viewer's title bar.
    "pdf_variant": "pdf/ua-1",
    # `<meta name="publisher">` and the like go into the document information.
    "custom_metadata": True,
    # Photos at print resolution, not at the upload's.
    "dpi": 200,
    "jpeg_quality": 85,
    "optimize_images": True,
}


def write_pdf(html, root_url):
    """The PDF of `html`, a whole document whose addresses start at the site's
    `root_url` (links keep leading to the site; files are read locally)."""
    document = HTML(string=html, base_url=root_url, url_fetcher=LocalFetcher(root_url))
    return document.write_pdf(**PDF_OPTIONS)
