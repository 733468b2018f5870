"""HTML to PDF with WeasyPrint, one way for every document Leitstand prints.

The document's language comes from `<html lang>`; with `tagged` the PDF carries its structure
(headings, tables, lists) and that language for screen readers (WeasyPrint's `pdf_tags`).
"""

import base64
import logging

# WeasyPrint reports each rendering step at INFO; the log needs only its warnings.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def html_to_pdf(html: str, base_url: str, tagged: bool = False) -> bytes:
    from weasyprint import HTML  # imported on first use: it loads its stylesheets at import

    return HTML(string=html, base_url=base_url).write_pdf(pdf_tags=tagged)


def svg_data_uri(svg: str) -> str:
    """An SVG chart as an image address: an `<img>` keeps the chart in one piece on a page."""
    return "data:image/svg+xml;base64," + base64.b64encode(str(svg).encode("utf-8")).decode("ascii")
