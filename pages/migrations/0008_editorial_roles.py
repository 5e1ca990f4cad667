"""The Editors, Moderators and Translators groups and the moderation workflow.

The definition lives in pages/editorial/roles.py; `migrate` re-applies it after every run
(post_migrate), which covers snippets added in later migrations.
"""

from django.db import migrations


def create_roles(apps, schema_editor):
    from pages.editorial.roles import sync_editorial_roles

    sync_editorial_roles(apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0007_link_press_and_galleries_to_sessions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
