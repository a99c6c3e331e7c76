"""A wheel install plays: built from the repository, installed into a fresh environment, run from elsewhere.

The levels and the theme must come from inside the installed package, not from a checkout
beside it. The fresh environment borrows this one's dependencies (pygame, pydantic, ...) by
a path file instead of downloading them, so the test needs no network; the game it runs is
the wheel's own, as the first assertion checks.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.stem for p in (REPO_ROOT / "levels").glob("*.json"))
STEP_LIMIT = 120  # seconds for any one step; the whole test takes about 20 on a busy machine


def run(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=STEP_LIMIT
    )
    assert result.returncode == 0, f"{' '.join(map(str, argv))}\n{result.stdout}\n{result.stderr}"
    return result


def build_wheel(tmp_path: Path) -> Path:
    """The wheel of a clean copy of the repository's sources (so no build files land in the checkout)."""
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("game", "levels", "assets"):
        shutil.copytree(REPO_ROOT / folder, source / folder, ignore=ignore)
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(REPO_ROOT / name, source / name)
    dist = tmp_path / "dist"
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check")
    run(*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist, source, cwd=tmp_path)
    (wheel,) = dist.glob("alliances-*.whl")
    return wheel


def fresh_environment(tmp_path: Path, wheel: Path) -> Path:
    """A new virtual environment holding the wheel, and this environment's packages on its path."""
    env = tmp_path / "env"
    run(sys.executable, "-m", "venv", "--without-pip", env, cwd=tmp_path)
    python = env / ("Scripts" if os.name == "nt" else "bin") / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel, cwd=tmp_path)
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path)
    borrowed = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (Path(purelib.stdout.strip()) / "borrowed-dependencies.pth").write_text("\n".join(borrowed) + "\n")
    return env


@pytest.mark.wheel
def test_an_installed_wheel_validates_its_levels_and_renders_a_match_from_another_folder(tmp_path: Path) -> None:
    env = fresh_environment(tmp_path, build_wheel(tmp_path))
    bin_dir = env / ("Scripts" if os.name == "nt" else "bin")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    variables = {**os.environ, "ALLIANCES_HOME": str(tmp_path / "home"), "SDL_VIDEODRIVER": "dummy"}
    variables.update(SDL_AUDIODRIVER="dummy", PYTHONPATH="")

    where = run(bin_dir / "python", "-c", "import game; print(game.__file__)", cwd=elsewhere, env=variables)
    package = Path(where.stdout.strip()).parent
    assert env in package.parents, "the game that runs is the wheel's, not the checkout"

    checked = run(bin_dir / "alliances", "validate", *SHIPPED, cwd=elsewhere, env=variables)
    assert checked.stdout.splitlines() == [f"{package / 'levels' / name}.json: ok" for name in SHIPPED]

    shot = run(
        bin_dir / "alliances", "screenshot", "--scene", "match", "--out", "shot.png", cwd=elsewhere, env=variables
    )
    assert shot.stdout.startswith("shot.png: match at 1280x720")
    assert (elsewhere / "shot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["shot.png"]
