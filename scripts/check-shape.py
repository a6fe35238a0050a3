#!/usr/bin/env python3
"""Checks the rules of the code's shape that a reviewer would otherwise have to catch by eye:

- no function over 100 lines, outside declarative tables (migrations, word lists);
- no `workspace.store` outside the service layer: server and CLI go through `Workspace`;
- no `await` in CaravanPresentation: a renderer is given its data, it does not fetch it;
- no `try?` over a store call, and no other `try?` than a wait, a clean-up or a probe listed here
  with the reason its failure is an answer and not an error.

    python3 scripts/check-shape.py
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
LONGEST = 100
# Functions that are tables, read as data rather than followed as steps.
TABLES = {("CaravanSQLite/SQLiteSchema.swift", "sql"), ("CaravanPostgres/PostgresSchema.swift", "statements")}
# What a `try?` may be over: a wait, a clean-up, a shutdown — nothing whose failure a reader needs.
QUIET = re.compile(r"try\? (?:await )?(?:Task\.sleep|\w+\.close\(\)|FileManager\.default\.(?:removeItem|contentsOfDirectory)|"
                   r"(?:http|client)\.shutdown\(\)|await \w+\.value|\w+\.value\(\)|connection\.(?:eventLoop|closeFuture)|"
                   r"response\.body\.collect|outcome\.value|either\.value|writing\.value)")
# Probes: a `try?` whose failure is itself the answer, each with why.
PROBES = {
    "CaravanImport/Input/ReaderTrials.swift": "the fuzz harness: every failure is an outcome it expects",
    "CaravanCore/Calendar/Timestamp.swift": "an ISO 8601 time with or without fractions: the second form is tried when the first fails",
    "CaravanCore/Ledger/KnownFrom.swift": "a publication date stated as a month or year counts from its first day only when it is a day",
    "CaravanDossier/Evaluation/DateText.swift": "a date of the dossier, validated on import, read back as days or none",
    "CaravanPresentation/Words/Words.swift": "a date shown in the page's calendar, or as written when it is no period",
    "CaravanService/Queries/RecordedTime.swift": "an as-of text is a time or else a day; the error names both",
    "CaravanImport/Formats/DossierReader.swift": "a date field whose failure is reported with the field's own message",
    "CaravanImport/Input/CheckedJSON.swift": "the repeated keys and depth are checked first; what Foundation then refuses is named",
    "CaravanImport/Input/ByteCursor.swift": "a digest of what could be read of a file the import already refused",
    "CaravanFetch/ComtradeClient.swift": "the API's own words from an error answer, when it gave any",
    "CaravanWatch/Destination.swift": "a name that does not resolve is a delivery that failed, said as such",
    "CaravanNetwork/Capacity/CorridorCapacity.swift": "a chain of links with no path through it carries nothing",
    "CaravanCore/Trade/Blocs.swift": "the bundled membership table: a row whose dates do not read is no membership, as its reader says",
    "CaravanPresentation/Dashboard/Basemap.swift": "the bundled basemap, held to its source by scripts/data/make-basemap.py --check",
}
STORE_CALL = re.compile(r"try\?[^\n]*\b(?:store|workspace)\.")
DECLARATION = re.compile(r"\b(?:func\s+(\w+)|(init)\??\s*[(<]|var\s+(\w+)\s*:[^=\n]*\{\s*$|(subscript)\s*\()")


def code_only(text):
    """The text with string literals and comments blanked (newlines kept), so braces count as code."""
    out, i, n = [], 0, len(text)
    stack = []  # "code" frames inside interpolations, as the paren depth to return to a string at
    mode, depth, hashes = "code", 0, 0
    while i < n:
        c = text[i]
        if mode == "code":
            if text.startswith("//", i):
                j = text.find("\n", i)
                j = n if j < 0 else j
                out.append(" " * (j - i))
                i = j
                continue
            if text.startswith("/*", i):
                j = text.find("*/", i + 2)
                j = n if j < 0 else j + 2
                out.append(re.sub(r"[^\n]", " ", text[i:j]))
                i = j
                continue
            m = re.match(r'(#*)("""|")', text[i:i + 8])
            if m and (m.group(1) or c == '"'):
                hashes = len(m.group(1))
                mode = "multi" if m.group(2) == '"""' else "string"
                out.append(" " * len(m.group(0)))
                i += len(m.group(0))
                continue
            if c == "(" and stack:
                stack[-1][1] += 1
            elif c == ")" and stack:
                if stack[-1][1] == 0:
                    mode = stack.pop()[0]
                    out.append(" ")
                    i += 1
                    continue
                stack[-1][1] -= 1
            out.append(c)
            i += 1
            continue
        close = ('"""' if mode == "multi" else '"') + "#" * hashes
        if text.startswith("\\" + "#" * hashes + "(", i):
            stack.append([mode, 0])
            mode = "code"
            out.append(" " * (2 + hashes))
            i += 2 + hashes
            continue
        if c == "\\":
            out.append("  " if text[i + 1:i + 2] != "\n" else " \n")
            i += 2
            continue
        if text.startswith(close, i):
            mode = "code"
            out.append(" " * len(close))
            i += len(close)
            continue
        out.append("\n" if c == "\n" else " ")
        i += 1
    return "".join(out)


def long_functions(path, text):
    code = code_only(text)
    lines = code.split("\n")
    found = []
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for number, line in enumerate(lines):
        m = DECLARATION.search(line)
        if not m:
            continue
        name = next(g for g in m.groups() if g)
        start = offsets[number] + m.start()
        brace = code.find("{", start)
        if brace < 0:
            continue
        # A declaration without a body (a protocol requirement) reaches a brace of something else.
        between = code[start:brace]
        if "\n}" in between or re.search(r"\n\s*(?:func|var|let|init|case)\b", between):
            continue
        depth, j = 0, brace
        while j < len(code):
            if code[j] == "{":
                depth += 1
            elif code[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        length = code.count("\n", offsets[number], j) + 1
        if length > LONGEST:
            found.append((number + 1, name, length))
    return found


def main():
    problems = []
    for path in sorted((ROOT / "Sources").rglob("*.swift")):
        relative = str(path.relative_to(ROOT / "Sources"))
        module = relative.split("/")[0]
        text = path.read_text(encoding="utf-8")
        for line, name, length in long_functions(path, text):
            if (relative, name) not in TABLES:
                problems.append(f"Sources/{relative}:{line}: {name} is {length} lines; at most {LONGEST}")
        code = code_only(text)
        for number, line in enumerate(code.split("\n"), 1):
            original = text.split("\n")[number - 1]
            if module not in ("CaravanService",) and re.search(r"\bworkspace(?:\(\))?\.store\b", line):
                problems.append(f"Sources/{relative}:{number}: reaches the store past the workspace")
            if module == "CaravanPresentation" and re.search(r"\bawait\b", line):
                problems.append(f"Sources/{relative}:{number}: a renderer awaits; give it its data instead")
            if re.search(r"\btry\?", line):
                if STORE_CALL.search(original):
                    problems.append(f"Sources/{relative}:{number}: try? over a store call turns its failure into no data")
                elif not QUIET.search(original) and relative not in PROBES:
                    problems.append(f"Sources/{relative}:{number}: try? over what may fail for a reason; try, or list it as a probe")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(f"{len(problems)} problems in the code's shape")
    print("code's shape: no function over 100 lines, the workspace's store kept to the service layer, "
          "no renderer awaits, no try? over a store call")


if __name__ == "__main__":
    main()
