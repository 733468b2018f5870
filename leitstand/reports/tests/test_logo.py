"""The organisation's logo on the reports' cover: PNG or JPEG only, checked as a picture."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from leitstand.reports import services
from leitstand.reports.models import Letterhead

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), "#0d6efd").save(buffer, format="PNG")
    return buffer.getvalue()


def test_logo_is_printed_on_the_cover_and_can_be_removed(login, editor, org):
    client = login(editor)
    url = reverse("reports:logo", kwargs={"org": org.slug})
    upload = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    assert client.post(url, {"logo": upload}).status_code == 302
    letterhead = Letterhead.objects.for_org(org).get()
    assert letterhead.content_type == "image/png"
    page = client.get(reverse("reports:list", kwargs={"org": org.slug})).content.decode()
    assert 'id="logo-preview"' in page
    snapshot = services.render_snapshot(services.create_snapshot(org, "summary", "en"))
    assert b"/Subtype /Image" in bytes(snapshot.pdf)

    client.post(url, {"remove": "1"})
    assert not Letterhead.objects.for_org(org).exists()
    snapshot = services.render_snapshot(services.create_snapshot(org, "summary", "en"))
    assert b"/Subtype /Image" not in bytes(snapshot.pdf)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.png", b"<script>alert(1)</script>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("huge.png", b"\x89PNG\r\n\x1a\n" + b"0" * (600 * 1024)),
    ],
)
def test_anything_but_a_small_png_or_jpeg_is_refused(login, editor, org, name, content):
    client = login(editor)
    url = reverse("reports:logo", kwargs={"org": org.slug})
    response = client.post(url, {"logo": SimpleUploadedFile(name, content)}, follow=True)
    assert not Letterhead.objects.for_org(org).exists()
    text = response.content.decode()
    assert "not a PNG or JPEG picture" in text or "larger than 512 KB" in text


def test_viewer_cannot_change_the_logo(login, viewer, org):
    url = reverse("reports:logo", kwargs={"org": org.slug})
    upload = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    assert login(viewer).post(url, {"logo": upload}).status_code == 403
