"""Production settings: refuse to start half-configured, pass Django's deploy check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
    "DATABASE_URL": "sqlite:////tmp/sikejar-deploy-check.sqlite3",
    "DJANGO_ALLOWED_HOSTS": "sikejar.example.go.id",
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SIKEJAR_", "DATABASE_URL"))
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_passes_the_deploy_check():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}

    result = _manage("check", **env)

    assert result.returncode != 0
    assert missing in result.stderr
