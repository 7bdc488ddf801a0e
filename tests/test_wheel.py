"""The built wheel carries models/: install it into a fresh venv and run `gongmun extract` from elsewhere."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
from pathlib import Path

from .conftest import ROOT, SAMPLES


def test_installed_wheel_finds_its_models(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("gongmun-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    target = next((env_dir / "lib").glob("python3*/site-packages"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True
    )
    # Dependencies (kiwipiepy, spaCy, ...) come from this environment's site-packages via PYTHONPATH, which
    # does not process the editable-install .pth file: `extract` can only come from the wheel.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(site.getsitepackages()), "GONGMUN_MODELS": ""}
    env.pop("GONGMUN_MODELS")
    py = env_dir / "bin" / "python"
    where = subprocess.run(
        [str(py), "-c", "import extract, extract.resources as r; print(extract.__file__); print(r.find_models())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert where[0].startswith(str(target)) and where[1].startswith(str(target))
    out = subprocess.run(
        [str(py), "-m", "extract.cli", "extract", str(SAMPLES / "meeting-result-two-sittings.txt")],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["kind"] == "meeting_result" and len(report["meeting"]["attendees"]) == 8
