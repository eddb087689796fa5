"""The five sectors as an HSDS taxonomy, present in every installation (see civica.directory.sectors)."""

from django.db import migrations


def create(apps, schema_editor):
    from civica.directory import sectors

    Taxonomy = apps.get_model("directory", "Taxonomy")
    TaxonomyTerm = apps.get_model("directory", "TaxonomyTerm")
    Taxonomy.objects.update_or_create(
        id=sectors.TAXONOMY_ID,
        defaults={
            "name": sectors.TAXONOMY_NAME,
            "description": "The five sectors of a coordination centre's working committees.",
            "version": "1",
        },
    )
    for code, (_label, translations) in sectors.SECTORS.items():
        TaxonomyTerm.objects.update_or_create(
            id=sectors.term_id(code),
            defaults={
                "code": code,
                "name": sectors.ENGLISH[code],
                "description": sectors.ENGLISH[code],
                "taxonomy": sectors.TAXONOMY_NAME,
                "taxonomy_detail_id": sectors.TAXONOMY_ID,
                "translations": {language: {"name": name} for language, name in translations.items()},
            },
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
