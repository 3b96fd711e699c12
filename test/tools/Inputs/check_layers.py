"""The layers of docs/architecture.md, checked on the sources.

checks/utils/ answers questions: it never builds an edit (no FixItHint) and
includes neither fixits/ nor a check. fixits/ builds edits and includes no
check. A check registers its IncludeInserter through fixits::registerInserter,
which keeps different checks' includes off one offset. Every .cpp of the three layers is in checks/CMakeLists.txt's explicit
lists, and every listed file exists. Prints one line per violation and exits
1 if there is any.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
problems = []
include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def includes(path):
    return include.findall(path.read_text(errors="replace"))


def is_check_header(inc):
    return re.fullmatch(r"(checks/)?[A-Za-z]+Check\.h", inc) is not None


for f in sorted((root / "checks/utils").glob("*.[ch]*")):
    text = f.read_text(errors="replace")
    rel = f.relative_to(root)
    if "FixItHint" in text:
        problems.append(f"{rel}: builds edits (FixItHint); that belongs in fixits/")
    for inc in includes(f):
        if inc.startswith("fixits/") or is_check_header(inc):
            problems.append(f"{rel}: includes {inc}")
for f in sorted((root / "fixits").glob("*.[ch]*")):
    for inc in includes(f):
        if is_check_header(inc):
            problems.append(f"{f.relative_to(root)}: includes {inc}")

for f in sorted((root / "checks").glob("*.cpp")):
    if re.search(r"Inserter\.registerPreprocessor\(", f.read_text(errors="replace")):
        problems.append(f"{f.relative_to(root)}: registers its IncludeInserter directly; "
                        "use fixits::registerInserter")

cmake = (root / "checks/CMakeLists.txt").read_text()
if "GLOB" in cmake:
    problems.append("checks/CMakeLists.txt: uses a glob; list the sources")
listed = set()
for m in re.finditer(r"([\w${}/]+\.cpp)", cmake):
    p = m.group(1).replace("${CMAKE_SOURCE_DIR}/", "")
    listed.add(p if p.startswith("fixits/") else "checks/" + p)
present = {str(p.relative_to(root)) for d in ("checks", "checks/utils", "fixits")
           for p in (root / d).glob("*.cpp")}
for p in sorted(present - listed):
    problems.append(f"{p}: not in checks/CMakeLists.txt")
for p in sorted(listed - present):
    problems.append(f"checks/CMakeLists.txt: lists {p}, which does not exist")

for p in problems:
    print(p)
print(f"layers: {len(problems)} problem(s), {len(present)} sources")
sys.exit(1 if problems else 0)
