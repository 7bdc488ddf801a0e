"""The inputs of a bulk run: files, folders (recursive, symlink loops cut), globs and archives (zip, tar),
each an `Item` whose bytes are read when a worker needs them (archive members never touch the disk)."""

from __future__ import annotations

import glob
import os
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = {".txt", ".md", ".hwpx", ".hwp", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
MAX_MEMBER = 512 * 1024 * 1024


@dataclass(frozen=True)
class Item:
    """One input: a file, or an archive member (`archive.zip!member`) with its bytes read lazily."""

    key: str
    path: str | None = None  # a file on disk
    archive: str | None = None
    member: str | None = None
    error: str | None = None  # an archive that could not be listed

    def data(self) -> bytes:
        if self.error is not None:
            raise ValueError(self.error)
        if self.path is not None:
            return Path(self.path).read_bytes()
        assert self.archive is not None and self.member is not None
        if zipfile.is_zipfile(self.archive):
            with zipfile.ZipFile(self.archive) as zf:
                info = zf.getinfo(self.member)
                if info.file_size > MAX_MEMBER:
                    raise ValueError(f"member is {info.file_size} bytes (limit {MAX_MEMBER})")
                with zf.open(info) as fh:
                    return fh.read(MAX_MEMBER + 1)
        with tarfile.open(self.archive) as tf:
            extracted = tf.extractfile(tf.getmember(self.member))
            if extracted is None:
                raise ValueError("not a regular file")
            return extracted.read(MAX_MEMBER + 1)


def _zip_name(info: zipfile.ZipInfo) -> str:
    """Legacy Korean zips store CP949 names without the UTF-8 flag; Python decodes them as CP437."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("cp949")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _archive_items(path: Path) -> Iterator[Item]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.is_dir() or (info.external_attr >> 16) & 0o170000 == 0o120000:  # dirs, symlinks
                    continue
                shown = _zip_name(info)
                if Path(shown).suffix.lower() in SUFFIXES:
                    yield Item(key=f"{path}!{shown}", archive=str(path), member=info.filename)
    else:
        with tarfile.open(path) as tf:
            for m in tf.getmembers():
                if m.isfile() and Path(m.name).suffix.lower() in SUFFIXES:
                    yield Item(key=f"{path}!{m.name}", archive=str(path), member=m.name)


def _is_archive(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz"))


def discover(inputs: list[str]) -> Iterator[Item]:
    """Files, folders (recursive, symlink loops cut), globs and archives -> items, in a stable order."""
    seen: set[str] = set()
    for raw in inputs:
        matches = sorted(glob.glob(raw, recursive=True)) if any(c in raw for c in "*?[") else [raw]
        for m in matches:
            p = Path(m)
            if p.is_dir():
                visited: set[tuple[int, int]] = set()
                for root, dirs, files in os.walk(p, followlinks=True):
                    st = os.stat(root)
                    if (st.st_dev, st.st_ino) in visited:
                        dirs[:] = []
                        continue
                    visited.add((st.st_dev, st.st_ino))
                    dirs.sort()
                    for f in sorted(files):
                        fp = Path(root) / f
                        yield from _file_items(fp, seen)
            else:
                yield from _file_items(p, seen)


def _file_items(p: Path, seen: set[str]) -> Iterator[Item]:
    key = str(p)
    if key in seen:
        return
    seen.add(key)
    if p.is_file() and _is_archive(p):
        try:
            yield from _archive_items(p)
            return
        except (zipfile.BadZipFile, tarfile.TarError, OSError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            yield Item(key=key, error=f"unreadable archive: {first}")
            return
    if p.suffix.lower() in SUFFIXES or not p.exists():
        yield Item(key=key, path=str(p))
