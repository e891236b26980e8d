"""An import-linter contract for what its built-in ones cannot name: modules inside Qt."""

from __future__ import annotations

import re
from typing import Any

from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


class QtModulesContract(Contract):
    """``source_modules`` (and everything inside them) never import the named Qt modules.

    The import graph knows external packages only by their top-level name (``PySide6``), so the
    lines that import it are read: ``from PySide6.QtWidgets import …`` and
    ``from PySide6 import QtWidgets`` both break a contract that forbids ``QtWidgets``.
    """

    type_name = "qt_modules"

    source_modules = fields.ListField(subfield=fields.ModuleField())
    forbidden_qt_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: Any, verbose: bool) -> ContractCheck:
        names = "|".join(re.escape(str(name)) for name in self.forbidden_qt_modules)  # type: ignore[attr-defined]
        pattern = re.compile(rf"\bPySide6(\.({names})\b|\s+import\s+.*\b({names})\b)")
        broken: list[str] = []
        for source in self.source_modules:  # type: ignore[attr-defined]
            modules = {source.name} | set(graph.find_descendants(source.name))
            for module in sorted(modules):
                for detail in graph.get_import_details(importer=module, imported="PySide6"):
                    if pattern.search(detail["line_contents"]):
                        broken.append(
                            f"{module}:{detail['line_number']}: {detail['line_contents']}"
                        )
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for line in check.metadata["broken"]:
            output.print_error(line)
            output.new_line()
