"""Every page and snippet the content loader creates opens in Wagtail's editor and
saves unchanged: an editor can correct the 2015 content without losing any of it.

The real editor (Draftail for rich text, the StreamField widgets) reads each
object's stored markup in the browser; markup it cannot read breaks the edit view
(a 500) or is silently rewritten when saved. Each object is opened and saved as
a draft; the draft must hold the same content as the loaded object (the editor
adds its own `data-block-key` attributes to paragraphs, which carry no content).
"""

import json
import re

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

import pytest

from tests.admin_forms import PASSWORD

pytestmark = pytest.mark.django_db(serialized_rollback=True)

BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')
# Bookkeeping a save changes by design.
NOT_CONTENT = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
}


def content(instance):
    """The object's fields as the editor saves them, compared for what they say:
    StreamFields parsed (their JSON's key order is not content), an empty field
    is empty whether `None` or "", a browser's line ends are "\r\n", and the
    editor's `data-block-key` attributes on paragraphs carry nothing, and list
    items are the same whether stored with ids of their own or not."""
    if hasattr(instance, "serializable_data"):  # pages, with their inline children
        data = instance.serializable_data()
    else:
        data = serializers.serialize("python", [instance])[0]["fields"]
    serialized = json.dumps(data, cls=DjangoJSONEncoder)
    return {
        name: said(value)
        for name, value in json.loads(serialized).items()
        if name not in NOT_CONTENT
    }


def said(value):
    if isinstance(value, str) and value.startswith("[{"):
        value = json.loads(value)  # a StreamField
    if isinstance(value, dict) and value.get("type") == "item" and "id" in value:
        return said(value["value"])  # a list item, in ListBlock's newer format
    if isinstance(value, dict):
        return {key: said(item) for key, item in value.items()}
    if isinstance(value, list):
        return [said(item) for item in value]
    if isinstance(value, str):
        return BLOCK_KEY.sub("", value.replace("\r\n", "\n"))
    return "" if value is None else value


def differences(before, after):
    return {
        name: (before.get(name), after.get(name))
        for name in before.keys() | after.keys()
        if before.get(name) != after.get(name)
    }


@pytest.fixture(scope="module")
def signed_in(loaded_site, browser, django_db_blocker):
    with django_db_blocker.unblock():
        get_user_model().objects.create_superuser(
            "chief", "chief@example.org", PASSWORD
        )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{loaded_site.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{loaded_site.url}/admin/")
    yield page
    context.close()


def save_in_editor(page, url, button):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")  # the editor's widgets are ready
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).first.click()
    messages = page.locator(".messages").inner_text()
    assert "error" not in messages.lower() and "could not" not in messages, (
        url,
        messages,
    )


def test_every_loaded_page_opens_in_the_editor_and_saves_unchanged(
    loaded_site, signed_in
):
    page_ids = list(
        Page.objects.filter(depth__gte=2).order_by("path").values_list("pk", flat=True)
    )
    assert len(page_ids) > 20
    changed = {}
    for pk in page_ids:
        loaded = Page.objects.get(pk=pk).specific
        before = content(loaded)
        url = loaded_site.url + reverse("wagtailadmin_pages:edit", args=(pk,))
        save_in_editor(signed_in, url, "Save draft")
        draft = Page.objects.get(pk=pk).specific.get_latest_revision_as_object()
        if diff := differences(before, content(draft)):
            changed[loaded.url_path] = diff
    assert changed == {}


def test_every_loaded_snippet_opens_in_the_editor_and_saves_unchanged(
    loaded_site, signed_in
):
    finder = AdminURLFinder()
    changed, seen = {}, 0
    for model in get_snippet_models():
        for snippet in model.objects.order_by("pk"):
            seen += 1
            before = content(snippet)
            save_in_editor(
                signed_in, loaded_site.url + finder.get_edit_url(snippet), "Save"
            )
            after = model.objects.get(pk=snippet.pk)
            if diff := differences(before, content(after)):
                changed[f"{model.__name__} {snippet.pk}"] = diff
    assert seen > 5
    assert changed == {}
