"""Smoke test of a built app: version, check, window on demo data, a note PDF, the menu entry.

Runs with any Python 3.11+ and the standard library only, from the repository root:
    python packaging/smoke_test.py dist/followup-desk/followup-desktop
    python packaging/smoke_test.py dist/followup-desk/followup-desktop --desktop-launch
Exit status 0 when every step passed; otherwise the failing step's output is printed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STEP_TIMEOUT = 180


class SmokeError(Exception):
    """One step of the smoke test failed; the message holds what to look at."""


def package_constant(name: str) -> str:
    """A constant of followup_desktop/__init__.py, read without importing the package."""
    text = (REPO / "followup_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(rf'^{name}\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SmokeError(f"{name} not found in followup_desktop/__init__.py")
    return match.group(1)


def run(
    command: Sequence[str], env: dict[str, str], timeout: int = STEP_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        list(command),
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if result.returncode != 0:
        raise SmokeError(
            f"{' '.join(command)} exited {result.returncode}\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
    return result


def png_facts(path: Path) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values in the pixel data of a PNG."""
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise SmokeError(f"{path} is not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    pixels = b""
    offset = 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        if kind == b"IDAT":
            pixels += data[offset + 8 : offset + 8 + length]
        offset += 12 + length
    return width, height, len(set(zlib.decompress(pixels)))


class Smoke:
    """The steps, sharing one program, one data folder and one base environment."""

    def __init__(self, program: Path, work: Path) -> None:
        self.program = program
        self.work = work
        self.data = work / "data"
        self.version = package_constant("__version__")
        self.app_id = package_constant("APP_ID")
        env = dict(os.environ)
        for name in ("FOLLOWUP_DATA_DIR", "FOLLOWUP_EXIT_AFTER_PAINT", "PYTHONPATH"):
            env.pop(name, None)
        env["XDG_DATA_HOME"] = str(work / "xdg-data")
        env["XDG_CONFIG_HOME"] = str(work / "xdg-config")
        env["XDG_STATE_HOME"] = str(work / "xdg-state")
        env["XDG_CACHE_HOME"] = str(work / "xdg-cache")
        self.env = env

    def app(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return run([str(self.program), *args], env or self.env)

    def offscreen_env(self, **extra: str) -> dict[str, str]:
        return {**self.env, "QT_QPA_PLATFORM": "offscreen", **extra}

    def step_version(self) -> str:
        output = self.app("--version").stdout.strip()
        if self.version not in output:
            raise SmokeError(f"--version printed {output!r}, expected {self.version}")
        return output

    def step_check(self) -> str:
        output = self.app("--data-dir", str(self.data), "check").stdout
        if not re.search(r"quick_check:\s+ok", output):
            raise SmokeError(f"check did not report a healthy store:\n{output}")
        bundled_fonts = [
            path
            for path in (REPO / "resources" / "fonts").rglob("*")
            if path.suffix.lower() in (".ttf", ".otf")
        ]
        fonts_line = next(
            (line for line in output.splitlines() if line.startswith("note fonts:")), ""
        )
        if bundled_fonts and "none found" in fonts_line:
            raise SmokeError(f"the bundle is missing resources/fonts:\n{output}")
        return fonts_line.strip() or "store ok"

    def step_window(self) -> str:
        shot = self.work / "window.png"
        env = self.offscreen_env()
        self.app("--data-dir", str(self.data), "--demo", "--screenshot", str(shot), env=env)
        width, height, distinct = png_facts(shot)
        if width < 800 or height < 500 or distinct < 16:
            raise SmokeError(f"{shot}: {width}x{height}, {distinct} byte values: looks empty")
        started = time.time()
        painted = self.app(
            "--data-dir", str(self.data), env=self.offscreen_env(FOLLOWUP_EXIT_AFTER_PAINT="1")
        )
        stamp = first_paint_stamp(painted.stdout)
        return f"{width}x{height} screenshot; first paint after {(stamp - started) * 1000:.0f} ms"

    def step_note_pdf(self) -> str:
        with sqlite3.connect(self.data / "followup.sqlite") as connection:
            row = connection.execute(
                "SELECT id FROM letter ORDER BY channel != 'note', id LIMIT 1"
            ).fetchone()
        if row is None:
            raise SmokeError("the demo data has no letter to export")
        pdf = self.work / "note.pdf"
        self.app(
            "--data-dir",
            str(self.data),
            "export",
            "pdf",
            "--letter",
            str(row[0]),
            str(pdf),
            env=self.offscreen_env(),
        )
        data = pdf.read_bytes() if pdf.exists() else b""
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
            raise SmokeError(f"{pdf} is not a complete PDF ({len(data)} bytes)")
        fonts = ""
        if shutil.which("pdffonts"):
            listing = run(["pdffonts", str(pdf)], self.env).stdout.splitlines()[2:]
            if not listing:
                raise SmokeError(f"{pdf} uses no fonts: the note text is missing")
            not_embedded = [line for line in listing if line.split()[-5] != "yes"]
            if not_embedded:
                raise SmokeError("fonts not embedded in the note PDF:\n" + "\n".join(listing))
            fonts = f", {len(listing)} embedded font(s)"
        return f"letter {row[0]}: {len(data) // 1024} KB{fonts}"

    def step_import_vcf(self) -> str:
        """A vCard whose address is laid out in its country's postal format: the bundle
        carries the address formats and the charset detector the importer reads with."""
        card = self.work / "contacts.vcf"
        card.write_bytes(
            b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lindqvist;Karin\r\nFN:Karin Lindqvist\r\n"
            b"ORG:Nordhamn AB\r\nTEL;CELL:070-123 45 67\r\n"
            b"ADR;WORK:;;Drottninggatan 5;Stockholm;;111 51;Sweden\r\n"
            b"NOTE;ENCODING=QUOTED-PRINTABLE:M=F6te i G=F6teborg\r\nEND:VCARD\r\n"
        )
        self.app("--data-dir", str(self.data), "import", "vcf", str(card), env=self.offscreen_env())
        with sqlite3.connect(self.data / "followup.sqlite") as connection:
            row = connection.execute(
                "SELECT address, notes FROM contact WHERE last_name = 'Lindqvist'"
            ).fetchone()
        if row is None or "111 51 Stockholm" not in row[0] or "Möte i Göteborg" not in row[1]:
            raise SmokeError(f"the imported contact reads {row!r}")
        return "address in Swedish postal format, Latin-1 note read"

    def installed_entry(self) -> Path:
        return Path(self.env["XDG_DATA_HOME"]) / "applications" / f"{self.app_id}.desktop"

    def step_install_desktop(self) -> str:
        if not sys.platform.startswith("linux"):
            return "SKIPPED: Linux only"
        self.app("install-desktop")
        entry = self.installed_entry()
        text = entry.read_text(encoding="utf-8")
        exec_line = next((line for line in text.splitlines() if line.startswith("Exec=")), "")
        # Undo the file's escaping and the Exec quoting (the smoke paths have no other specials).
        launcher = exec_line.removeprefix("Exec=").replace("\\\\", "\\").strip('"')
        if not launcher or Path(launcher).resolve() != self.program.resolve():
            raise SmokeError(f"{entry} does not start {self.program}:\n{text}")
        icon = entry.parents[1] / "icons/hicolor/48x48/apps" / f"{self.app_id}.png"
        if not icon.is_file():
            raise SmokeError(f"install-desktop did not install {icon}")
        if shutil.which("desktop-file-validate"):
            run(["desktop-file-validate", str(entry)], self.env)
        return str(entry)

    def step_desktop_launch(self) -> str:
        """Start the app the way a menu does (gio launch of its .desktop file) on an X server."""
        for tool in ("Xvfb", "gio"):
            if shutil.which(tool) is None:
                raise SmokeError(f"--desktop-launch needs {tool} (packages xvfb, libglib2.0-bin)")
        entry = self.installed_entry()
        with XvfbDisplay() as display:
            env = {**self.env, "DISPLAY": display, "FOLLOWUP_EXIT_AFTER_PAINT": "1"}
            env["FOLLOWUP_DATA_DIR"] = str(self.data)
            for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
                env.pop(name, None)
            started = time.time()
            # gio returns at once; the app keeps our pipe open until it quits after painting.
            result = run(["gio", "launch", str(entry)], env)
            stamp = first_paint_stamp(result.stdout)
        return f"painted on {display} (xcb) after {(stamp - started) * 1000:.0f} ms"

    def step_uninstall_desktop(self) -> str:
        if not sys.platform.startswith("linux"):
            return "SKIPPED: Linux only"
        self.app("install-desktop", "--uninstall")
        if self.installed_entry().exists():
            raise SmokeError("install-desktop --uninstall left the menu entry behind")
        return "menu entry removed"


def first_paint_stamp(stdout: str) -> float:
    for line in stdout.splitlines():
        if line.startswith("PAINTED "):
            return float(line.split()[1])
    raise SmokeError(f"the window never reported its first paint:\n{stdout}")


class XvfbDisplay:
    """A private X server for one launch; stopped (only this one) on exit."""

    def __enter__(self) -> str:
        read_end, write_end = os.pipe()
        # -displayfd: Xvfb picks a free display number and writes it to us when ready.
        self.process = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "1366x800x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        with os.fdopen(read_end) as reader:
            number = reader.readline().strip()
        if not number:
            self.process.kill()
            raise SmokeError("Xvfb did not start")
        return f":{number}"

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", type=Path, help="the built app's executable")
    parser.add_argument(
        "--desktop-launch",
        action="store_true",
        help="also start the app through its installed menu entry on a private Xvfb display",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder for a look")
    args = parser.parse_args(argv)
    program = args.program.absolute()
    if not program.is_file():
        print(f"smoke: {program} does not exist; build the app first", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="followup-smoke-"))
    smoke = Smoke(program, work)
    steps = [
        ("version", smoke.step_version),
        ("check", smoke.step_check),
        ("window", smoke.step_window),
        ("note pdf", smoke.step_note_pdf),
        ("import vcf", smoke.step_import_vcf),
        ("install-desktop", smoke.step_install_desktop),
    ]
    if args.desktop_launch:
        steps.append(("desktop launch", smoke.step_desktop_launch))
    steps.append(("uninstall", smoke.step_uninstall_desktop))
    try:
        for name, step in steps:
            started = time.monotonic()
            try:
                detail = step()
            except (SmokeError, subprocess.TimeoutExpired, OSError) as error:
                print(f"smoke: FAILED {name}: {error}", file=sys.stderr)
                return 1
            print(f"smoke: ok {name} ({time.monotonic() - started:.1f} s): {detail}", flush=True)
    finally:
        if args.keep:
            print(f"smoke: work folder kept at {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"smoke: all {len(steps)} steps passed for {program}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
