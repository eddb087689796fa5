"""The `civica` command wraps Django's management commands with hyphenated names."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CIVICA = Path(sys.executable).parent / "civica"


def run(*args, env_extra=None, tmp_path=None):
    import os

    env = dict(os.environ, CIVICA_VAR_DIR=str(tmp_path), DATABASE_URL=f"sqlite:///{tmp_path}/cli.sqlite3")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([str(CIVICA), *args], capture_output=True, text=True, env=env, timeout=300, check=False)


@pytest.mark.skipif(not CIVICA.exists(), reason="the console script is installed by `make setup`")
def test_hyphenated_commands_and_line_reports(tmp_path):
    assert run("migrate", "--no-input", tmp_path=tmp_path).returncode == 0
    loaded = run("load-territories", tmp_path=tmp_path)
    assert loaded.returncode == 0 and "created" in loaded.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,parent_code,level,country,official_code,nuts_code,name,name_en\n"
        "RO-1,RO-127,municipality,RO,1,,Good,\n"
        "RO-2,RO-000,municipality,RO,2,,Orphan,\n",
        encoding="utf-8",
    )
    failed = run("load-territories", str(bad), tmp_path=tmp_path)
    assert failed.returncode != 0
    assert "bad.csv, line 3" in failed.stderr and "line 2" not in failed.stderr
    demo = run("demo", tmp_path=tmp_path)
    assert demo.returncode == 0 and "admin@civica.example" in demo.stdout


def test_collectstatic_with_the_production_storage_finds_every_referenced_file(settings, tmp_path):
    """`make run` and production collect the static files with whitenoise's manifest storage, which
    refuses a stylesheet or script that names a file we do not ship (a source map, an image)."""
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / "static" / "staticfiles.json").exists()
    assert list((tmp_path / "static" / "civica" / "vendor" / "leaflet").glob("leaflet.*.js"))
