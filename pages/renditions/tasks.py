"""Background work: the renditions of what editors publish, made before anyone
asks for them.

Wagtail makes a rendition the first time a template asks for it, so the first
visitor of a newly published page would wait while its photos are resized into
AVIF, WebP and JPEG at every width. `make_page_renditions` makes them when the
page is published (pages/signals.py) and when the conference content is loaded,
from the page's rendition plan (pages/renditions/plans.py).

Tasks run on Django's task framework (`django_tasks`), on the `renditions`
backend of settings.TASKS: it runs them at once, in the process that publishes
(an editor's request, the scheduler, the loader), after the transaction commits.
"""

import logging

from django.apps import apps
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Page

from django_tasks import task

from pages.image_sizes import filter_specs
from pages.models import Organisation, Person
from pages.renditions.plans import rendition_plan

logger = logging.getLogger(__name__)

# The task backend (settings.TASKS) that makes renditions: the tests turn it off
# where they do not look at renditions, as resizing is most of loading content.
RENDITIONS_BACKEND = "renditions"


@task(backend=RENDITIONS_BACKEND)
def make_page_renditions(page_id):
    """Make the renditions the live page `page_id` shows; the number of images
    whose renditions are ready."""
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:  # unpublished or deleted since
        return 0
    return make_renditions(rendition_plan(page.specific))


@task(backend=RENDITIONS_BACKEND)
def make_object_renditions(model_label, pk):
    """Make the renditions a snippet (a person, an organisation) is shown in."""
    instance = apps.get_model(model_label).objects.filter(pk=pk).first()
    if instance is None:
        return 0
    return make_renditions(rendition_plan(instance))


def make_renditions(plan):
    """Make the renditions of `plan` that do not exist yet; the number of
    images whose renditions are ready.

    An image whose file is missing or cannot be processed is logged and
    skipped: the others are made, and whoever published carries on.
    """
    wanted = {}
    for image, size in plan:
        if image is not None:
            wanted.setdefault(image.pk, []).extend(filter_specs(size))
    # Loaded afresh: the plan's images may carry the few renditions a listing
    # prefetched, and Wagtail would take any other size for one still to make.
    images = get_image_model().objects.in_bulk(wanted)
    ready = 0
    for pk, specs in wanted.items():
        if pk not in images:
            continue
        try:
            with transaction.atomic():
                images[pk].get_renditions(*specs)
        except Exception:  # any broken image file: log it, go on
            logger.exception("Could not make the renditions of image %s", pk)
        else:
            ready += 1
    return ready


def enqueue_page_renditions(page):
    """Make `page`'s renditions once the transaction that published it commits
    (a failure to enqueue is logged, the publication stands)."""
    transaction.on_commit(lambda: make_page_renditions.enqueue(page.pk), robust=True)


def enqueue_object_renditions(instance):
    transaction.on_commit(
        lambda: make_object_renditions.enqueue(instance._meta.label_lower, instance.pk),
        robust=True,
    )


def enqueue_site_renditions():
    """Make the renditions of every live page, person and organisation (after
    the conference content is loaded); the number of tasks enqueued."""
    results = [
        make_page_renditions.enqueue(pk)
        for pk in Page.objects.live().values_list("pk", flat=True)
    ]
    for model in (Person, Organisation):
        results += [
            make_object_renditions.enqueue(model._meta.label_lower, pk)
            for pk in model.objects.values_list("pk", flat=True)
        ]
    return len(results)
