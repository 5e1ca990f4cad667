"""Admin views for translators: the translation report and the PO download/upload."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

import polib

from pages.i18n.content_po import export_catalogue, import_catalogue
from pages.i18n.status import target_languages, translation_report_rows

PERMISSION = "pages.manage_translations"


def can_manage_translations(user):
    return user.is_active and user.has_perm(PERMISSION)


def can_publish_pages(user):
    return PagePermissionPolicy().user_has_permission(user, "publish")


def submit_for_moderation(objects, user):
    """Start the moderation workflow for each page among `objects` that an
    import left with a draft, so that the Moderators see it on their dashboard."""
    submitted = []
    for obj in objects:
        if not isinstance(obj, Page):
            continue
        page = Page.objects.get(pk=obj.pk).specific
        workflow = page.get_workflow()
        if page.has_unpublished_changes and workflow and not page.workflow_in_progress:
            workflow.start(page, user)
            submitted.append(page)
    return submitted


def _language_choices():
    names = dict(settings.LANGUAGES)
    return [(code, names[code]) for code in target_languages()]


class TranslationReportView(ReportView):
    """Pages, snippets and images whose Spanish is missing or out of date."""

    page_title = _("Translation status")
    header_icon = "site"
    index_url_name = "translation_report"
    index_results_url_name = "translation_report_results"
    paginate_by = 100
    list_export = ["title", "model_name", "missing_text", "outdated_text"]
    export_headings = {
        "title": _("Title"),
        "model_name": _("Type"),
        "missing_text": _("Missing"),
        "outdated_text": _("Out of date"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_translations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def columns(self):
        finder = AdminURLFinder(self.request.user)
        return [
            TitleColumn(
                "title",
                label=_("Title"),
                get_url=lambda row: finder.get_edit_url(row.obj),
            ),
            Column("model_name", label=_("Type")),
            Column("missing_text", label=_("Spanish missing")),
            Column("outdated_text", label=_("Spanish out of date")),
        ]

    def get_queryset(self):
        rows = translation_report_rows("es")
        for row in rows:
            row.missing_text = ", ".join(s.label for s in row.missing)
            row.outdated_text = ", ".join(s.label for s in row.outdated)
            row.pk = row.obj.pk
        return rows

    def filter_queryset(self, queryset):
        return queryset


class ExportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=_language_choices)
    only_missing = forms.BooleanField(
        label=_("Only missing and out-of-date text"), required=False
    )


class ImportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=_language_choices)
    file = forms.FileField(label=_("Translated PO file"))
    publish = forms.ChoiceField(
        label=_("Save the translations"),
        choices=[
            ("publish", _("and publish them")),
            ("draft", _("as drafts for review")),
        ],
        initial="publish",
        widget=forms.RadioSelect,
    )
    dry_run = forms.BooleanField(label=_("Check only (change nothing)"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_publish_pages(user):
            # Translators' imports are drafts that go to the Moderators.
            del self.fields["publish"]

    def publishes(self):
        return self.cleaned_data.get("publish") == "publish"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            text = upload.read().decode("utf-8")
            return polib.pofile(text)
        except (UnicodeDecodeError, OSError, ValueError) as error:
            raise forms.ValidationError(
                _("This is not a readable PO file (UTF-8).")
            ) from error


class TranslationsView(WagtailAdminTemplateMixin, View):
    """Download the site content as a PO file, upload a translated one."""

    page_title = _("Translations")
    header_icon = "site"
    template_name = "pages/admin/translations.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_translations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render(ExportForm(), ImportForm(user=request.user))

    def post(self, request):
        if "export" in request.POST:
            form = ExportForm(request.POST)
            if form.is_valid():
                return self.download(form.cleaned_data)
            return self.render(form, ImportForm(user=request.user))
        form = ImportForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self.render(ExportForm(), form)
        data = form.cleaned_data
        result = import_catalogue(
            data["file"],
            data["language"],
            user=request.user,
            publish=form.publishes(),
            dry_run=data["dry_run"],
        )
        submitted = []
        if not data["dry_run"] and not form.publishes():
            submitted = submit_for_moderation(result.saved_objects, request.user)
        return self.render(
            ExportForm(),
            ImportForm(user=request.user),
            result=result,
            dry_run=data["dry_run"],
            submitted=submitted,
        )

    def download(self, data):
        po = export_catalogue(data["language"], only_missing=data["only_missing"])
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response = HttpResponse(str(po), content_type="text/x-gettext-translation")
        response["Content-Disposition"] = (
            f'attachment; filename="iclc-content-{data["language"]}-{stamp}.po"'
        )
        return response

    def render(self, export_form, import_form, **extra):
        context = self.get_context_data(
            export_form=export_form, import_form=import_form, **extra
        )
        return TemplateResponse(self.request, self.template_name, context)
