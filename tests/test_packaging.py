"""What ships is what is tested: the wheel, installed in a fresh virtual environment and run from another
folder on a read-only copy of the library, validates it and serves every page, the chat and the webhook.

Installing every dependency from PyPI would take minutes, so the fresh environment borrows them from the
development one: a .pth file adds that site-packages folder as a plain path, and a plain path does not
run the folder's own .pth files, so the checkout's editable install stays out of sight.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import sysconfig
import time
import zipfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.check_server import check_server, fetch, wait_until_ready, wait_until_up

REPOSITORY = Path(__file__).resolve().parents[1]
#: What the Dockerfile copies in to build the package (the library comes separately).
BUILD_INPUTS = ["pyproject.toml", "README.md", "webhook"]
#: What the Dockerfile copies in beside the package to serve.
LIBRARY = ["intents", "councils", "gunicorn.conf.py"]
TOKEN = "packaging-test-token"
NOT_SHIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", ".cache")


def run(
    command: list[str | Path], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command, failing the test with its output if it fails."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}"
    return done


def copy_from_checkout(names: list[str], folder: Path) -> Path:
    for name in names:
        if (REPOSITORY / name).is_dir():
            shutil.copytree(REPOSITORY / name, folder / name, ignore=NOT_SHIPPED)
        else:
            shutil.copy(REPOSITORY / name, folder / name)
    return folder


def read_only(folder: Path) -> None:
    """Take away every write permission under `folder` (root ignores them: see `files_under`)."""
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def writable(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


def files_under(folder: Path) -> dict[str, int]:
    """Every file and folder with its modification time, to prove nothing was written even by root."""
    return {str(path.relative_to(folder)): path.stat().st_mtime_ns for path in folder.rglob("*")}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Dockerfile's build inputs, copied: building in the checkout would leave build/ there, and
    files deleted from the checkout could linger in it and ship."""
    return copy_from_checkout(BUILD_INPUTS, tmp_path_factory.mktemp("source"))


@pytest.fixture(scope="module")
def wheel(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    setuptools = version("setuptools")
    assert int(setuptools.split(".")[0]) >= 77, (
        f"setuptools {setuptools} cannot build the wheel offline: run `make install` (it installs >=77)"
    )
    dist = tmp_path_factory.mktemp("dist")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    run([*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist, source])
    [built] = dist.glob("council_chatbot-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh virtual environment holding the wheel, with the development environment's dependencies;
    its site-packages is read-only."""
    folder = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", "--without-pip", folder])
    python = folder / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", python]
    run([*pip, "install", "--quiet", "--no-deps", "--no-index", wheel])
    site_packages = Path(
        run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).stdout.strip()
    )
    borrowed = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (site_packages / "zz_development_dependencies.pth").write_text("\n".join(borrowed) + "\n", "utf-8")
    read_only(site_packages)
    yield folder
    writable(site_packages)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A read-only copy of the library, as the image holds it in /app."""
    folder = copy_from_checkout(LIBRARY, tmp_path_factory.mktemp("library"))
    read_only(folder)
    yield folder
    writable(folder)


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """The working directory: neither the checkout nor the library."""
    (tmp_path / "home").mkdir()
    return tmp_path


def environment(home: Path, **settings: str) -> dict[str, str]:
    """A clean environment: nothing from the developer's (LIBRARY_DIR, NLU_CACHE_DIR...) leaks in."""
    return {"PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8", **settings}


def test_the_wheel_holds_every_file_of_the_package(wheel: Path, source: Path) -> None:
    shipped = set(zipfile.ZipFile(wheel).namelist())
    package = {
        path.relative_to(source).as_posix() for path in (source / "webhook").rglob("*") if path.is_file()
    }
    assert sorted(package - shipped) == [], (
        "declare these in [tool.setuptools.package-data] in pyproject.toml"
    )


def test_the_fresh_environment_imports_the_installed_package(venv: Path, elsewhere: Path) -> None:
    imported = run(
        [venv / "bin" / "python", "-c", "import webhook, flask; print(webhook.__file__)"],
        cwd=elsewhere,
        env=environment(elsewhere / "home"),
    ).stdout.strip()
    assert Path(imported).is_relative_to(venv), f"imported {imported}, not the installed copy"


def test_the_installed_cli_validates_a_read_only_library_from_elsewhere(
    venv: Path, library: Path, elsewhere: Path
) -> None:
    before = files_under(library)
    env = environment(elsewhere / "home")
    sync_intents = venv / "bin" / "sync-intents"
    given = run([sync_intents, "validate", "--strict", "--library", library], cwd=elsewhere, env=env)
    assert re.search(r"checked \d+ intents, .*: 0 errors, 0 warnings", given.stdout + given.stderr)
    found = run([sync_intents, "validate", "--strict"], cwd=library / "councils", env=env)
    assert "0 errors, 0 warnings" in found.stdout + found.stderr
    assert files_under(library) == before


def test_without_a_library_the_cli_and_the_app_say_so_plainly(venv: Path, elsewhere: Path) -> None:
    env = environment(elsewhere / "home", APP_ENV="development")
    cli = subprocess.run(
        [venv / "bin" / "sync-intents", "validate"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    gunicorn = [venv / "bin" / "python", "-m", "gunicorn", "--preload", "--bind", "127.0.0.1:0"]
    app = subprocess.run(
        [*gunicorn, "webhook:create_app()"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    for done in (cli, app):
        assert done.returncode != 0
        assert "no library found" in done.stderr and "LIBRARY_DIR" in done.stderr
        assert "Traceback" not in done.stderr


def test_the_installed_app_serves_every_page_the_chat_and_the_webhook(
    venv: Path, library: Path, elsewhere: Path
) -> None:
    before = {"library": files_under(library), "venv": files_under(venv)}
    tokens = {
        f"WEBHOOK_{c.name.upper().replace('-', '_')}_TOKEN": TOKEN for c in (library / "councils").iterdir()
    }
    env = environment(
        elsewhere / "home",
        APP_ENV="production",
        SECRET_KEY="packaging-test-secret",
        LIBRARY_DIR=str(library),
        WEB_CONCURRENCY="1",
        PYTHONDONTWRITEBYTECODE="1",
        **tokens,
    )
    log = elsewhere / "server.log"
    command = [venv / "bin" / "python", "-m", "gunicorn", "-c", library / "gunicorn.conf.py"]
    with log.open("w") as output:
        server = subprocess.Popen(
            [*command, "--bind", "127.0.0.1:0", "webhook:create_app()"],
            cwd=elsewhere,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        base_url = _listening_at(log, server)
        wait_until_up(base_url, 30)
        # Not ready until its models are built: a fresh install trains the demo's two on its first probe.
        assert fetch(f"{base_url}/readyz").json()["models"] in ("building", "ready")
        wait_until_ready(base_url, 240)
        failures = {name: failure for name, failure in check_server(base_url, TOKEN).items() if failure}
        assert failures == {}, f"the server log ends:\n{log.read_text()[-3000:]}"
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert list((elsewhere / "home" / ".cache" / "council-chatbot" / "nlu").glob("*.joblib")), (
        "the NLU cache is not in the user's cache folder"
    )
    assert {"library": files_under(library), "venv": files_under(venv)} == before


def _listening_at(log: Path, server: subprocess.Popen[bytes]) -> str:
    """The address gunicorn chose (it listens once the app is built, as it preloads it)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if found := re.search(r"Listening at: (http://[\d.]+:\d+)", log.read_text()):
            return found[1]
        assert server.poll() is None, f"gunicorn stopped:\n{log.read_text()[-3000:]}"
        time.sleep(0.1)
    raise AssertionError(f"gunicorn did not listen within 60 s:\n{log.read_text()[-3000:]}")
