#!/usr/bin/env python3
"""Checks the module graph: every module a target's sources import is one the target declares in
Package.swift (a target, a product, or a module of the toolchain), so nothing links by accident
through another target's dependencies. Also fails on a declared dependency nothing imports, and
on a layer reaching past its place: a storage engine is imported by its own store module and by the
composition root (the `caravan` executable) alone, so presentation, server and service stay
engine-free and the engines are chosen in one place.

    python3 scripts/check-imports.py
"""
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
# The toolchain's own modules, which need no declaration.
TOOLCHAIN = {"Foundation", "FoundationNetworking", "FoundationEssentials", "Glibc", "Darwin", "Dispatch", "Synchronization",
             "Testing", "XCTest", "_Concurrency", "Observation"}
IMPORT = re.compile(r"^[ \t]*(?:@\w+[ \t]+)*(?:(?:public|package|internal|private|fileprivate)[ \t]+)?import[ \t]+"
                    r"(?:(?:struct|class|enum|protocol|func|var|let|typealias)[ \t]+)?(\w+)(?:\.\w+)*[ \t]*(?://.*)?$", re.M)
# Each engine, and the only library targets that may import it besides the composition root.
ENGINES = {"CaravanSQLite": set(), "CaravanPostgres": set(), "GRDB": {"CaravanSQLite"}, "PostgresNIO": {"CaravanPostgres"}}
COMPOSITION_ROOT = "caravan"


def main():
    described = json.loads(subprocess.run(["swift", "package", "describe", "--type", "json"], cwd=ROOT, capture_output=True,
                                          text=True, check=True).stdout)
    problems = []
    # An executable is depended on to be built (the CLI tests run it), not imported.
    executables = {t["name"] for t in described["targets"] if t.get("type") == "executable"}
    for target in described["targets"]:
        if target.get("module_type") not in ("SwiftTarget",):
            continue
        declared = set(target.get("target_dependencies", [])) | set(target.get("product_dependencies", []))
        declared = {name.replace("-", "_") for name in declared}
        imported = {}
        for source in target.get("sources", []):
            text = (ROOT / target["path"] / source).read_text(encoding="utf-8")
            for module in IMPORT.findall(text):
                imported.setdefault(module, source)
        for module, source in sorted(imported.items()):
            if module not in declared and module not in TOOLCHAIN and module != target["c99name"]:
                problems.append(f"{target['name']}: {source} imports {module}, which the target does not declare")
        if target["path"].startswith("Sources/") and target["name"] != COMPOSITION_ROOT:
            for module, owners in ENGINES.items():
                if module in imported and target["name"] not in owners:
                    problems.append(f"{target['name']}: {imported[module]} imports the engine {module}; "
                                    f"only {', '.join(sorted(owners | {COMPOSITION_ROOT}))} may")
        for dependency in sorted(declared - set(imported) - executables):
            problems.append(f"{target['name']}: declares {dependency} but imports it nowhere")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(f"{len(problems)} problems in the module graph")
    print(f"module graph: {len(described['targets'])} targets, every import declared, engines imported by their stores "
          f"and {COMPOSITION_ROOT} alone")


if __name__ == "__main__":
    main()
