"""Drive the real Wagtail admin forms in tests, as a browser would submit them.

`submit_form` reads the form the admin renders (every input, textarea and select
with its current value), applies the changes a person would type, and posts it
with the button they would press. StreamFields are drawn by JavaScript in the
browser, so the server's HTML has no inputs for them: a test passes their value
with `stream()`; an untouched StreamField is sent empty, as a new page's is.
"""

from django.urls import reverse

from wagtail.models import TaskState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from bs4 import BeautifulSoup

PASSWORD = "correct horse battery staple"


def form_fields(html, form_id="page-edit-form"):
    """The name/value pairs a browser would submit from the form, buttons aside."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", id=form_id)
    assert form is not None, f"no form #{form_id} on the page"
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data[name] = field.string or ""
        elif field.name == "select" and field.has_attr("multiple"):
            data[name] = [
                option.get("value", "")
                for option in field.find_all("option", selected=True)
            ]
        elif field.name == "select":
            selected = field.find("option", selected=True) or field.find("option")
            data[name] = selected.get("value", "") if selected else ""
        elif field.get("type") in {"submit", "button", "file", "image", "reset"}:
            continue
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    for block in form.select("[data-controller~=w-block][id]"):
        data.setdefault(f"{block['id']}-count", "0")
    return data


def stream(**fields):
    """StreamField form data: `stream(body_en=[("paragraph", "<p>…</p>")])`."""
    data = {}
    for name, blocks in fields.items():
        items = [
            (kind, rich_text(value) if kind == "paragraph" else value)
            for kind, value in blocks
        ]
        data.update(nested_form_data({name: streamfield(items)}))
    return data


def submit_form(client, url, changes=None, action=None, form_id="page-edit-form"):
    """GET the admin form at `url`, change some fields, POST it with `action`."""
    page = client.get(url)
    assert page.status_code == 200, f"GET {url} gave {page.status_code}"
    data = form_fields(page.content, form_id)
    data.update(changes or {})
    if action:
        data[action] = action
    return client.post(url, data)


def add_page_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def edit_page_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def current_task_state(page):
    return TaskState.objects.get(
        workflow_state=page.current_workflow_state,
        status=TaskState.STATUS_IN_PROGRESS,
    )


def workflow_action(client, page, action, comment=""):
    """Press a moderation button (Approve, Request changes) as the dashboard does."""
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, action, current_task_state(page).pk),
    )
    return client.post(url, {"comment": comment})


def login(client, user):
    """Sign in through the admin's login form, as staff do."""
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": user.get_username(), "password": PASSWORD},
    )
    assert response.status_code == 302, "the admin login form refused the user"
    return client
