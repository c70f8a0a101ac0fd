"""Writes tests/core/policy/fixtures/pyyaml-scalars.json: how PyYAML's safe loader (what Lynx
reads policies with) resolves each plain scalar below. Run: python3 scripts/pyyaml-scalars.py
The Gatehouse test reads the committed fixture; it never runs Python."""

import datetime
import json
import math
import pathlib

import yaml

WORDS = ["yes", "no", "true", "false", "on", "off", "y", "n", "null", "ok"]
SCALARS = [
    *dict.fromkeys(w for word in WORDS for w in (word, word.capitalize(), word.upper())),
    "yEs", "tRUE", "oN", "NuLL", "nULL", "t", "f", "~", "", "--", "=", "<<",
    "0", "-0", "+0", "00", "007", "0755", "-0755", "08", "09", "0_7", "0_", "0o17", "0O17",
    "0x1F", "0x1f", "-0x1F", "0X1F", "0x_1F", "0xG", "0b101", "-0b101", "0B101", "0b2", "0b1_0",
    "1", "-1", "+1", "10", "1_000", "1__0", "_1", "1_", "12345678901234567", "9007199254740993",
    "1:30", "-1:30", "1:30:00", "190:20:30", "1:60", "1:5", "0:30", "1:30:5", "1::30",
    "1.0", "1.", "-1.", ".5", "-.5", "+.5", "1.5", "1_0.5", "1.5_0", "1.5e+3", "1.5E-3",
    "1.5e3", "1e3", "1e+3", "1E3", "e1", "e3", "E1", ".5e+1", "1.e+3", "0.0", "-0.0", "00.5",
    "1:30.5", "1:30.", "-1:30.5", ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".iNf", "inf",
    "Infinity", ".nan", ".NaN", ".NAN", "-.nan", "nan", "NaN", "._5", "1.2.3", "1,5", "0x",
    "2024-01-01", "2024-1-1", "2024-01-1", "2024-13-01", "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43Z", "2001-12-15 2:59:43.10",
    "2002-12-14", "20240101", "2024-01-01T", "12:30:45", "1.2.3.4", "v1", "1a", "0x1Fz",
    "+", "+-1", "-+1", "1 000", "one", "None", "NONE", "nil",
]


def describe(value):
    if value is None:
        return {"kind": "null", "value": None}
    if isinstance(value, bool):
        return {"kind": "bool", "value": value}
    if isinstance(value, int):
        return {"kind": "int", "value": value}
    if isinstance(value, float):
        if math.isnan(value):
            return {"kind": "float", "value": "nan"}
        if math.isinf(value):
            return {"kind": "float", "value": "inf" if value > 0 else "-inf"}
        return {"kind": "float", "value": value}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return {"kind": "timestamp", "value": str(value)}
    if isinstance(value, str):
        return {"kind": "str", "value": value}
    return {"kind": type(value).__name__, "value": repr(value)}


def resolve(text):
    try:
        return describe(yaml.safe_load(f"v: {text}\n")["v"])
    except (yaml.YAMLError, ValueError) as exc:
        return {"kind": "error", "value": type(exc).__name__}


def main():
    rows = [{"source": s, **resolve(s)} for s in SCALARS]
    out = pathlib.Path(__file__).resolve().parent.parent / "tests/core/policy/fixtures/pyyaml-scalars.json"
    out.write_text(json.dumps({"pyyaml": yaml.__version__, "scalars": rows}, indent=1) + "\n")
    print(f"{len(rows)} scalars -> {out}")


if __name__ == "__main__":
    main()
