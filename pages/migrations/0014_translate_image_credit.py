# An image's credit is translated like its alt text and caption ("Photo: …" /
# "Foto: …"): credit_en and credit_es, with the credit stored so far kept as the
# English one.

from django.db import migrations, models
from django.db.models import F


def keep_credit_as_english(apps, schema_editor):
    SiteImage = apps.get_model("pages", "SiteImage")
    SiteImage.objects.filter(credit_en__isnull=True).update(credit_en=F("credit"))


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0013_block_classes"),
    ]

    operations = [
        migrations.AddField(
            model_name="siteimage",
            name="credit_en",
            field=models.CharField(
                blank=True,
                help_text="Photographer or source, e.g. “Photo: UNESCO/A. Pérez”.",
                max_length=120,
                null=True,
                verbose_name="credit",
            ),
        ),
        migrations.AddField(
            model_name="siteimage",
            name="credit_es",
            field=models.CharField(
                blank=True,
                help_text="Photographer or source, e.g. “Photo: UNESCO/A. Pérez”.",
                max_length=120,
                null=True,
                verbose_name="credit",
            ),
        ),
        migrations.RunPython(keep_credit_as_english, migrations.RunPython.noop),
    ]
