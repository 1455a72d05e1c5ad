#!/usr/bin/env python3
"""Validate Spotter's shipped exercise library (exercises.json).

Usage:
    python3 check_exercises.py [path/to/exercises.json]

With no argument it checks the exercises.json that sits next to this script.
Exits 0 when the file is valid, 1 when any problem is found (every problem is
printed, one per line, naming the entry index and key), 2 when the file
cannot be read or is not JSON. Python 3 standard library only.
"""

import json
import os
import re
import sys

MIN_ENTRIES = 200
MAX_INSTRUCTIONS = 600
MAX_NAME = 120  # the app's limit (training/exercises.rs MAX_NAME_CHARS)
MAX_CAUTION_TEXT = 500  # the app's limit for one caution
MAX_PRIMARY = 3
MAX_SECONDARY = 4

MUSCLES = {
    "chest", "shoulders", "triceps", "biceps", "forearms", "lats", "upper_back",
    "traps", "lower_back", "abs", "obliques", "glutes", "quadriceps", "hamstrings",
    "adductors", "abductors", "calves", "hip_flexors", "neck",
}
EQUIPMENT = {
    "barbell", "dumbbell", "kettlebell", "cable", "machine", "bodyweight", "band",
    "bench", "rack", "pull_up_bar", "medicine_ball", "smith_machine", "trap_bar",
    "ez_bar", "suspension", "sled", "box", "landmine", "cardio_machine",
    "foam_roller", "stability_ball", "plate",
}
PATTERNS = {
    "squat", "hinge", "lunge", "horizontal_push", "vertical_push",
    "horizontal_pull", "vertical_pull", "carry", "anti_extension",
    "anti_rotation", "rotation", "isolation", "conditioning", "mobility",
    "plyometric",
}
DIFFICULTIES = {"beginner", "intermediate", "advanced"}
CAUTION_AREAS = {
    "neck", "shoulder", "elbow", "wrist", "upper_back", "lower_back", "chest",
    "core", "hip", "knee", "ankle", "foot", "hamstring", "calf",
}

FIELDS = (
    "key", "name", "primaryMuscles", "secondaryMuscles", "equipment",
    "pattern", "difficulty", "instructions", "cautions",
)
CAUTION_FIELDS = ("area", "text")
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _is_title_case(name):
    """Every space-separated word starts with an upper-case letter or a digit."""
    for word in name.split(" "):
        if not word:
            return False
        first = word[0]
        if not (first.isdigit() or first.isupper()):
            return False
    return True


def _check_string_list(errors, where, field, value, vocab, min_len, max_len):
    if not isinstance(value, list):
        errors.append(f"{where}: '{field}' must be a list, got {type(value).__name__}")
        return []
    if len(value) < min_len:
        errors.append(f"{where}: '{field}' needs at least {min_len} item(s), has {len(value)}")
    if max_len is not None and len(value) > max_len:
        errors.append(f"{where}: '{field}' allows at most {max_len} item(s), has {len(value)}")
    good = []
    seen = set()
    for i, item in enumerate(value):
        if not isinstance(item, str):
            errors.append(f"{where}: '{field}'[{i}] must be a string, got {type(item).__name__}")
            continue
        if item not in vocab:
            errors.append(
                f"{where}: '{field}'[{i}] = {item!r} is not in the vocabulary "
                f"({', '.join(sorted(vocab))})"
            )
        if item in seen:
            errors.append(f"{where}: '{field}' lists {item!r} more than once")
        seen.add(item)
        good.append(item)
    return good


def check_entry(index, entry, errors, keys_seen, names_seen):
    if not isinstance(entry, dict):
        errors.append(f"entry #{index}: must be an object, got {type(entry).__name__}")
        return
    key = entry.get("key")
    where = f"entry #{index} ({key!r})" if isinstance(key, str) else f"entry #{index}"

    missing = [f for f in FIELDS if f not in entry]
    extra = sorted(k for k in entry if k not in FIELDS)
    for f in missing:
        errors.append(f"{where}: missing required field '{f}'")
    for f in extra:
        errors.append(f"{where}: unknown field '{f}' (allowed: {', '.join(FIELDS)})")

    # key
    if "key" in entry:
        if not isinstance(key, str):
            errors.append(f"{where}: 'key' must be a string")
        elif not KEY_RE.match(key):
            errors.append(f"{where}: 'key' {key!r} must be lowercase kebab-case (a-z, 0-9, single hyphens)")
        elif key in keys_seen:
            errors.append(f"{where}: duplicate key {key!r} (first used by entry #{keys_seen[key]})")
        else:
            keys_seen[key] = index

    # name
    if "name" in entry:
        name = entry["name"]
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{where}: 'name' must be a non-empty string")
        else:
            if name != name.strip() or "  " in name:
                errors.append(f"{where}: 'name' {name!r} has leading, trailing or doubled spaces")
            if len(name) > MAX_NAME:
                errors.append(f"{where}: 'name' is {len(name)} characters; the limit is {MAX_NAME}")
            if not _is_title_case(name.strip()):
                errors.append(f"{where}: 'name' {name!r} is not Title Case (each word must start with a capital or digit)")
            folded = name.strip().casefold()
            if folded in names_seen:
                errors.append(
                    f"{where}: duplicate name {name!r} (case-insensitive; first used by entry #{names_seen[folded]})"
                )
            else:
                names_seen[folded] = index

    primary = []
    secondary = []
    if "primaryMuscles" in entry:
        primary = _check_string_list(errors, where, "primaryMuscles", entry["primaryMuscles"], MUSCLES, 1, MAX_PRIMARY)
    if "secondaryMuscles" in entry:
        secondary = _check_string_list(errors, where, "secondaryMuscles", entry["secondaryMuscles"], MUSCLES, 0, MAX_SECONDARY)
    for m in sorted(set(primary) & set(secondary)):
        errors.append(f"{where}: muscle {m!r} is in both primaryMuscles and secondaryMuscles")

    if "equipment" in entry:
        _check_string_list(errors, where, "equipment", entry["equipment"], EQUIPMENT, 1, None)

    if "pattern" in entry and entry["pattern"] not in PATTERNS:
        errors.append(f"{where}: 'pattern' {entry['pattern']!r} is not one of: {', '.join(sorted(PATTERNS))}")
    if "difficulty" in entry and entry["difficulty"] not in DIFFICULTIES:
        errors.append(f"{where}: 'difficulty' {entry['difficulty']!r} is not one of: {', '.join(sorted(DIFFICULTIES))}")

    if "instructions" in entry:
        text = entry["instructions"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: 'instructions' must be a non-empty string")
        else:
            if len(text) > MAX_INSTRUCTIONS:
                errors.append(f"{where}: 'instructions' is {len(text)} characters; the limit is {MAX_INSTRUCTIONS}")
            if text != text.strip():
                errors.append(f"{where}: 'instructions' has leading or trailing whitespace")

    if "cautions" in entry:
        cautions = entry["cautions"]
        if not isinstance(cautions, list):
            errors.append(f"{where}: 'cautions' must be a list (it may be empty)")
        else:
            areas = set()
            for i, c in enumerate(cautions):
                cw = f"{where}: cautions[{i}]"
                if not isinstance(c, dict):
                    errors.append(f"{cw} must be an object with 'area' and 'text'")
                    continue
                for f in CAUTION_FIELDS:
                    if f not in c:
                        errors.append(f"{cw} is missing '{f}'")
                for f in sorted(k for k in c if k not in CAUTION_FIELDS):
                    errors.append(f"{cw} has unknown field '{f}' (allowed: area, text)")
                area = c.get("area")
                if "area" in c:
                    if area not in CAUTION_AREAS:
                        errors.append(f"{cw}: area {area!r} is not one of: {', '.join(sorted(CAUTION_AREAS))}")
                    elif area in areas:
                        errors.append(f"{cw}: area {area!r} appears more than once; merge the texts")
                    else:
                        areas.add(area)
                if "text" in c:
                    if not isinstance(c["text"], str) or not c["text"].strip():
                        errors.append(f"{cw}: 'text' must be a non-empty string")
                    elif len(c["text"]) > MAX_CAUTION_TEXT:
                        errors.append(f"{cw}: 'text' is {len(c['text'])} characters; the limit is {MAX_CAUTION_TEXT}")


def main(argv):
    if len(argv) > 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path = argv[1] if len(argv) == 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "exercises.json")
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        print(f"{path}: cannot read: {e}", file=sys.stderr)
        return 2
    except json.JSONDecodeError as e:
        print(f"{path}: not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}", file=sys.stderr)
        return 2

    errors = []
    if not isinstance(data, list):
        errors.append(f"top level must be a JSON array, got {type(data).__name__}")
        data = []
    elif len(data) < MIN_ENTRIES:
        errors.append(f"expected at least {MIN_ENTRIES} exercises, found {len(data)}")

    keys_seen = {}
    names_seen = {}
    for index, entry in enumerate(data):
        check_entry(index, entry, errors, keys_seen, names_seen)

    if errors:
        for e in errors:
            print(f"{path}: {e}", file=sys.stderr)
        print(f"{path}: {len(errors)} problem(s) in {len(data)} exercise(s)", file=sys.stderr)
        return 1
    print(f"{path}: OK, {len(data)} exercises")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
