"""The layout the architecture describes (docs/architecture.md) holds."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKED = ("pages", "iclc", "tools")


def python_files():
    for top in CHECKED:
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_the_import_contracts_hold():
    """Layers (wiring, parts, models, blocks and renderers), independent parts,
    nothing below the parts reaching the caches, and no import cycle: the
    contracts in pyproject.toml, checked as `make lint` checks them."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def imports_inside_functions(tree):
    """Line numbers of the imports in a function body (nested ones once)."""
    return {
        node.lineno
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom)
    }


def explained(lines, lineno):
    """Whether the import on `lineno` (1-based) has a comment on its line or on
    the line above the block of imports it belongs to."""
    first = lineno
    while first > 1 and lines[first - 2].lstrip().startswith(("from ", "import ")):
        first -= 1
    return "#" in lines[lineno - 1] or (first > 1 and "#" in lines[first - 2])


def test_an_import_inside_a_function_says_why():
    """No import is tucked into a function to dodge a cycle: one that has to be
    there (app loading, an optional package) says why in a comment."""
    unexplained = [
        f"{path.relative_to(ROOT)}:{lineno}"
        for path in python_files()
        for lines in [path.read_text().splitlines()]
        for lineno in sorted(imports_inside_functions(ast.parse("\n".join(lines))))
        if not explained(lines, lineno)
    ]
    assert unexplained == []


def test_every_package_says_what_it_is_for():
    missing = [
        str(init.relative_to(ROOT))
        for top in ("pages", "tools")
        for init in sorted((ROOT / top).rglob("__init__.py"))
        if "migrations" not in init.parts
        and "commands" not in init.parts
        and ast.get_docstring(ast.parse(init.read_text())) is None
    ]
    assert missing == []


@pytest.mark.parametrize("tool", ["bench", "lighthouse_audit"])
def test_developer_tools_start_as_the_makefile_runs_them(tool):
    """`make bench` and `make audit` run `python -m tools <tool>`: Django must be
    set up before a tool loads the site's models."""
    result = subprocess.run(
        [sys.executable, "-m", "tools", tool, "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "iclc.settings.test"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "usage:" in result.stdout


def test_developer_tools_are_not_site_commands():
    commands = {path.stem for path in (ROOT / "pages/management/commands").glob("*.py")}
    assert not commands & {"bench", "lighthouse_audit"}
    assert (ROOT / "tools/bench.py").exists()
    assert (ROOT / "tools/lighthouse_audit.py").exists()
