"""`radar new` writing the file: front matter that passes `radar check`, created whole or not at all,
and the next steps to copy."""

from __future__ import annotations

import os
import shlex
import tempfile
from pathlib import Path

from ..content.model import Radar
from ..content.schema import BLIP_FIELDS
from ..content.yamltext import history_entry, yaml_list, yaml_scalar
from ..i18n import translator
from .scaffold_prompts import Abort, not_utf8


def blip_text(radar: Radar, a: dict[str, object]) -> str:
    """The blip file: front matter in schema order, the first history entry, the body template."""
    ring_name = radar.ring(str(a["ring"])).name
    written = {  # the fields `radar new` fills; the table (schema.BLIP_FIELDS) gives their order
        "title": yaml_scalar(str(a["title"])),
        "quadrant": str(a["quadrant"]),
        "ring": str(a["ring"]),
        "summary": yaml_scalar(str(a["summary"])),
        "tags": yaml_list(a.get("tags", [])),  # type: ignore[arg-type]
        "capabilities": yaml_list(a["capabilities"]),  # type: ignore[arg-type]
        "initiatives": yaml_list(a["initiatives"]),  # type: ignore[arg-type]
        "algorithm": "true" if a.get("algorithm") == "yes" else "false",
        "history": "\n" + history_entry(radar.edition, str(a["ring"]), str(a["note"]), indent="  "),
    }
    fields = [
        f"{name}:" + ("" if written[name].startswith("\n") else " ") + written[name]
        for name in BLIP_FIELDS
        if name in written
    ]
    lines = ["---", *fields, "---"]
    body = translator(radar.language)("new.blip_body", title=a["title"], ring=ring_name)
    return "\n".join(lines) + "\n" + body


def initiative_text(radar: Radar, a: dict[str, object]) -> str:
    lines = [
        "---",
        f"title: {yaml_scalar(str(a['title']))}",
        f"lead: {yaml_scalar(str(a['lead']))}",
        f"status: {a['status']}",
        f"capabilities: {yaml_list(a['capabilities'])}",  # type: ignore[arg-type]
        "---",
    ]
    return "\n".join(lines) + "\n" + translator(radar.language)("new.initiative_body", title=a["title"])


def _existing(folder: Path, ident: str) -> Path | None:
    """Any file with this id, in any sub-folder: the loader reads them all, so ids must be unique."""
    return next(iter(sorted(folder.rglob(f"{ident}.md"))), None) if folder.is_dir() else None


def write_new(folder: Path, ident: str, content: str) -> Path:
    """Create the file whole or not at all, never replacing one.

    The text goes to a temporary file first, which is then hard-linked under its name (link
    refuses an existing name, so a race cannot overwrite either): a failure on the way (bytes
    that are not UTF-8, a full disk, Ctrl-C) leaves no empty file to block the retry.
    """
    other = _existing(folder, ident)
    if other is not None:
        raise Abort("new.exists", path=other)
    shown = not_utf8(content)
    if shown is not None:
        raise Abort("new.answers_not_utf8")
    data = content.encode("utf-8")
    path = folder / f"{ident}.md"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{ident}.", suffix=".tmp")
    except OSError as exc:
        raise Abort("new.cannot_write", path=path, reason=exc.strerror) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)  # as an editor would create it, not mkstemp's 0600
            handle.write(data)
        os.link(tmp, path)
    except FileExistsError as exc:
        raise Abort("new.exists", path=path) from exc
    except OSError as exc:
        raise Abort("new.cannot_write", path=path, reason=exc.strerror) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def next_steps(radar: Radar, path: Path, source: Path, title: str, kind: str) -> str:
    """What to do after the file exists, as commands the author can copy."""
    t = translator(radar.language)
    shown = _shown(path)
    src = "" if source.resolve() == Path.cwd().resolve() else f" --source {shlex.quote(str(source))}"
    ident = path.stem
    message = t(f"new.commit_{kind}", title=title)
    git = [
        f"git switch -c radar/{ident}",
        f"git add {shlex.quote(shown)}",
        f"git commit -m {shlex.quote(message)}",
        f"git push -u origin radar/{ident}",
    ]
    lines = [
        t("new.created", path=shown),
        "",
        t("new.next"),
        "  1. " + t("new.step_edit", path=shown),
        f"  2. radar check{src}    # {t('new.step_check')}",
        f"  3. radar serve{src}    # {t('new.step_serve')}",
        "  4. " + t("new.step_git"),
        *(f"       {g}" for g in git),
    ]
    return "\n".join(lines) + "\n"


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
