"""Input enumeration for batches: files, directory trees and archive members as a stream of entries.

Directories are walked in sorted order and archives are read member by member (never unpacked to
disk), so a batch sees the same sources in the same order on every run, which makes `--resume` work.
"""

from __future__ import annotations

import os
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import PurePosixPath

from ..api import DEFAULT_MAX_SIZE

#: Name endings of the archives that are read member by member.
#: The files taken from directories and archives unless a glob says otherwise: the formats with a
#: reader (text, XML, HTML) and those the next readers add (PDF, Word, OpenDocument; until then
#: each is an error row that names its format).
DOCUMENT_PATTERNS = ("*.txt", "*.xml", "*.html", "*.htm", "*.pdf", "*.docx", "*.odt")
ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
#: Separates an archive's name from a member's name in a source: `2024.zip!kst-36600-X-5.xml`.
MEMBER_SEPARATOR = "!"
#: Folders of archive tools, never documents (macOS resource forks in zips).
_IGNORED_DIRS = frozenset({"__MACOSX"})
#: The zip compression methods Python can read; zipfile refuses others when a member is opened.
_ZIP_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA})
_ARCHIVE_ERRORS = (
    OSError,
    EOFError,
    zlib.error,
    zipfile.BadZipFile,
    tarfile.TarError,
    RuntimeError,
)


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A regular file, read by whoever parses it (a worker process, in parallel runs)."""

    source: str
    path: str


@dataclass(frozen=True, slots=True)
class DataEntry:
    """An archive member, already read: its bytes travel with it, and its name inside the archive."""

    source: str
    data: bytes
    name: str


@dataclass(frozen=True, slots=True)
class BrokenEntry:
    """A source that could not even be read: it becomes an error row, not a document."""

    source: str
    error_type: str
    message: str


Entry = FileEntry | DataEntry | BrokenEntry


@dataclass(frozen=True, slots=True)
class Selection:
    """Which sources to take: glob patterns for files in directories and archives, and sources to skip."""

    patterns: Sequence[str] = ("*",)
    skip: Callable[[str], bool] = lambda source: False
    max_size: int = DEFAULT_MAX_SIZE
    #: False lists an archive as one FileEntry instead of reading its members (to hand it to another machine).
    open_archives: bool = True

    def wants(self, relative: str) -> bool:
        """Whether a path inside a directory or archive matches a pattern and is not hidden.

        A pattern without "/" is matched against the last part by `fnmatchcase`, as
        `PurePosixPath.match` does, without building a path object for every archive member."""
        if relative.startswith("/"):  # an absolute name: its root is a part too
            path = PurePosixPath(relative)
            if any(part.startswith(".") or part in _IGNORED_DIRS for part in path.parts):
                return False
            return any(path.match(pattern) for pattern in self.patterns)
        parts = [part for part in relative.split("/") if part and part != "."]
        if not parts or any(part.startswith(".") or part in _IGNORED_DIRS for part in parts):
            return False
        lazy: PurePosixPath | None = None
        for pattern in self.patterns:
            if "/" not in pattern and pattern not in ("", "."):
                if fnmatchcase(parts[-1], pattern):
                    return True
                continue
            lazy = lazy or PurePosixPath(relative)
            if lazy.match(pattern):
                return True
        return False


def iter_entries(inputs: Iterable[str | os.PathLike[str]], selection: Selection) -> Iterator[Entry]:
    """Every source of `inputs` in order: named files as they are, directories walked, archives opened."""
    for item in inputs:
        yield from _named(os.fspath(item), selection)


def archive_kind(name: str) -> str | None:
    """`zip` or `tar` when the name ends like an archive, else None."""
    lower = name.lower()
    if lower.endswith(ZIP_SUFFIXES):
        return "zip"
    if lower.endswith(TAR_SUFFIXES):
        return "tar"
    return None


def _named(name: str, selection: Selection) -> Iterator[Entry]:
    """An input named by the user: always taken, whatever the patterns say."""
    try:
        info = os.stat(name)
    except OSError as exc:
        yield BrokenEntry(name, type(exc).__name__, os_message(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(name, "", selection, {(info.st_dev, info.st_ino): name})
    else:
        yield from _file(name, info, selection)


def _file(name: str, info: os.stat_result, selection: Selection) -> Iterator[Entry]:
    """A regular file or an archive; anything else (FIFO, socket, device) is refused, never read."""
    kind = archive_kind(name) if selection.open_archives else None
    if kind == "zip":
        yield from _zip_members(name, selection)
    elif kind == "tar":
        yield from _tar_members(name, selection)
    elif not stat.S_ISREG(info.st_mode):
        yield BrokenEntry(name, "NotAFileError", "not a regular file (a FIFO, socket or device)")
    elif not selection.skip(name):
        yield FileEntry(name, name)


def _walk(root: str, relative: str, selection: Selection, ancestors: dict[tuple[int, int], str]) -> Iterator[Entry]:
    """The files below a directory in sorted order; symbolic links are followed, loops reported."""
    folder = os.path.join(root, relative) if relative else root
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        yield BrokenEntry(folder, type(exc).__name__, os_message(exc))
        return
    for name in names:
        if name.startswith(".") or name in _IGNORED_DIRS:
            continue
        child = f"{relative}/{name}" if relative else name
        path = os.path.join(root, child)
        try:
            info = os.stat(path)
        except OSError as exc:
            if selection.wants(child):
                yield BrokenEntry(path, type(exc).__name__, os_message(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _subfolder(root, child, info, selection, ancestors)
        elif archive_kind(name) or selection.wants(child):
            yield from _file(path, info, selection)


def _subfolder(
    root: str, relative: str, info: os.stat_result, selection: Selection, ancestors: dict[tuple[int, int], str]
) -> Iterator[Entry]:
    """Walk a subfolder unless it is one of its own ancestors (a symbolic link loop)."""
    path = os.path.join(root, relative)
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        yield BrokenEntry(path, "SymlinkLoopError", f"symbolic link loop: leads back to {ancestors[key]}")
        return
    yield from _walk(root, relative, selection, {**ancestors, key: path})


def _zip_members(name: str, selection: Selection) -> Iterator[Entry]:
    """The wanted members of a zip archive, read one at a time."""
    try:
        archive = zipfile.ZipFile(name)
    except _ARCHIVE_ERRORS as exc:
        yield BrokenEntry(name, "ArchiveError", f"cannot open zip archive: {_reason(exc)}")
        return
    with archive:
        for info in archive.infolist():
            source = f"{name}{MEMBER_SEPARATOR}{info.filename}"
            if info.is_dir() or not selection.wants(info.filename) or selection.skip(source):
                continue
            yield _zip_member(archive, info, source, selection.max_size)


def _zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str, max_size: int) -> Entry:
    """One zip member's bytes, or why they cannot be read (damaged, encrypted, too large)."""
    if info.file_size > max_size:
        return BrokenEntry(source, "InputTooLargeError", _too_large(info.file_size, max_size))
    if info.compress_type not in _ZIP_METHODS:
        return BrokenEntry(source, "ArchiveError", f"zip compression method {info.compress_type} is not supported")
    try:
        with archive.open(info) as member:
            return DataEntry(source, member.read(max_size + 1), info.filename)
    except _ARCHIVE_ERRORS as exc:
        return BrokenEntry(source, "ArchiveError", f"cannot read archive member: {_reason(exc)}")


def _tar_members(name: str, selection: Selection) -> Iterator[Entry]:
    """The wanted members of a tar archive (optionally compressed), streamed front to back."""
    read = 0
    try:
        with tarfile.open(name, mode="r|*") as archive:
            for member in archive:
                read += 1
                entry = _tar_member(archive, member, name, selection)
                _forget_members(archive)
                if entry is not None:
                    yield entry
    except _ARCHIVE_ERRORS as exc:
        where = f"after {read} members" if read else "at the start"
        yield BrokenEntry(name, "ArchiveError", f"cannot read tar archive {where}: {_reason(exc)}")


def _tar_member(archive: tarfile.TarFile, member: tarfile.TarInfo, name: str, selection: Selection) -> Entry | None:
    """The current tar member as an entry, or None when it is not wanted."""
    source = f"{name}{MEMBER_SEPARATOR}{member.name}"
    if member.isdir() or not selection.wants(member.name) or selection.skip(source):
        return None
    if not member.isfile():
        return BrokenEntry(source, "NotAFileError", "archive member is a link or special file, not a file")
    if member.size > selection.max_size:
        return BrokenEntry(source, "InputTooLargeError", _too_large(member.size, selection.max_size))
    fileobj = archive.fileobj
    if member.issparse() or fileobj is None:
        stream = archive.extractfile(member)
        if stream is None:
            return BrokenEntry(source, "ArchiveError", "archive member has no data")
        with stream:
            return DataEntry(source, stream.read(), member.name)
    # A regular member's bytes follow its header: read them straight from the archive's stream, as
    # tarfile's member file does inside, without building that file object for every member.
    fileobj.seek(member.offset_data)
    data = fileobj.read(member.size)
    if len(data) != member.size:
        raise tarfile.ReadError("unexpected end of data")
    return DataEntry(source, data, member.name)


def _forget_members(archive: tarfile.TarFile) -> None:
    """Drop the TarInfo list tarfile keeps of every member read, so memory stays flat on huge archives."""
    archive.members.clear()  # type: ignore[attr-defined]  # an attribute of TarFile that typeshed leaves out


def _too_large(size: int, max_size: int) -> str:
    """Why an archive member is not read."""
    return f"member is {size:,} bytes, more than the maximum of {max_size:,}"


def os_message(exc: OSError) -> str:
    """A short reason for a failed file operation: `cannot read: No such file or directory`."""
    return f"cannot read: {exc.strerror or exc}"


def _reason(exc: BaseException) -> str:
    """The exception's own words, or its type when it has none."""
    return str(exc) or type(exc).__name__
