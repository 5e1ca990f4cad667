"""Small real PDF files for the conference documents, written by hand.

A text PDF with the standard Helvetica font needs no library: one content stream
per page, WinAnsi encoding for the accents of Spanish, and a correct xref table.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 64
LINES_PER_PAGE = 50


def _escape(text):
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _lines(title, paragraphs):
    lines = [("F2", 17, line) for line in textwrap.wrap(title, 52)] + [("F1", 11, "")]
    for paragraph in paragraphs:
        bold = paragraph.startswith("# ")
        text = paragraph[2:] if bold else paragraph
        for line in textwrap.wrap(text, 60 if bold else 88) or [""]:
            lines.append(("F2" if bold else "F1", 13 if bold else 11, line))
        lines.append(("F1", 11, ""))
    return lines


def make_pdf(title, paragraphs, language="en"):
    """A PDF with `title` as heading and metadata, then `paragraphs` wrapped."""
    lines = _lines(title, paragraphs)
    pages = [
        lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)
    ]
    objects = []  # bodies of objects 1..n

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree exists
    tree = add(b"")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
    regular = add(font % b"Helvetica")
    bold = add(font % b"Helvetica-Bold")
    kids = []
    for page_lines in pages:
        stream = [b"BT", b"%d %d Td" % (MARGIN, PAGE_HEIGHT - MARGIN)]
        for font, size, text in page_lines:
            stream.append(
                b"/%s %d Tf 0 -%d Td (%s) Tj"
                % (font.encode(), size, size + 5, _escape(text))
            )
        stream.append(b"ET")
        content = b"\n".join(stream)
        content_id = add(
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
        )
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
                % (tree, PAGE_WIDTH, PAGE_HEIGHT, content_id, regular, bold)
            )
        )
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R /Lang (%s) >>" % (
        tree,
        language.encode(),
    )
    # Metadata strings are not WinAnsi: UTF-16 with a byte order mark, in hex.
    title_hex = ("\ufeff" + title).encode("utf-16-be").hex().upper().encode()
    info = add(b"<< /Title <%s> /Author (UNESCO / Mexico City) >>" % title_hex)

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        output += b"%010d 00000 n \n" % offset
    output += (
        b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (
            len(objects) + 1,
            catalog,
            info,
            xref,
        )
    )
    return bytes(output)
