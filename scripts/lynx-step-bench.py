"""Measures Lynx's own step overhead: `run_agent` driving a scripted agent through tool calls
under the same policy as bench/worker/step.bench.test.ts, journaled to a SQLite `RunStore`
(the store contract Lynx documents: PRIMARY KEY (run_id, seq), a duplicate raises
DuplicateRecord; one commit per record, WAL with synchronous=NORMAL) and audited through Lynx's `hash_chained_sink`.
Prints one JSON line: per-step µs (median and p95 over runs of STEPS steps each).

    LYNX_SRC=/path/to/lynx-checkout python3 scripts/lynx-step-bench.py [runs] [steps]
"""

import asyncio
import json
import os
import pathlib
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(os.environ["LYNX_SRC"]) / "src"))

from lynx import (  # noqa: E402
    Budget,
    DuplicateRecord,
    FinalAnswer,
    ToolCall,
    ToolSet,
    compile_policy,
    run_agent,
    step_record_from_json,
    step_record_to_json,
    tool,
)
from lynx.sinks import hash_chained_sink  # noqa: E402

POLICY = "version: 1\ndefaults: { on_no_match: deny }\nrules:\n  - id: reads\n    match: { tool: read_file }\n    decision: allow\n"


class SqliteRunStore:
    """Lynx's RunStore protocol over SQLite: one row per journal record, committed on append."""

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path)
        # WAL with synchronous=NORMAL: the usual setting for a WAL journal (a commit is durable
        # against a process crash; fsync happens at checkpoints), and what keeps the comparison
        # about the engines rather than this machine's disk.
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS journal (run_id TEXT, seq INTEGER, record TEXT, PRIMARY KEY (run_id, seq))"
        )

    async def append(self, record) -> None:
        try:
            with self.db:
                self.db.execute(
                    "INSERT INTO journal VALUES (?, ?, ?)",
                    (record.run_id, record.seq, step_record_to_json(record)),
                )
        except sqlite3.IntegrityError as e:
            raise DuplicateRecord(str(e)) from e

    async def load(self, run_id: str):
        rows = self.db.execute("SELECT record FROM journal WHERE run_id = ? ORDER BY seq", (run_id,))
        return [step_record_from_json(r[0]) for r in rows]


@tool(reversible=True, scope=("filesystem:read",))
async def read_file(path: str) -> str:
    """Returns nothing: the tool's own cost is not the step overhead."""
    return ""


class ScriptedAgent:
    """Proposes `steps` reads of distinct paths, then answers (no model in the loop)."""

    def __init__(self, steps: int) -> None:
        self.left = steps

    async def step(self, conversation):
        if self.left == 0:
            return FinalAnswer(text="done")
        self.left -= 1
        return ToolCall(tool="read_file", args={"path": f"/srv/{self.left}"}, call_id=f"c{self.left}")


async def main(runs: int, steps: int) -> None:
    policy = compile_policy(POLICY)
    tools = ToolSet.from_functions(read_file)
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteRunStore(os.path.join(tmp, "journal.sqlite"))
        with open(os.path.join(tmp, "audit.jsonl"), "w", encoding="utf-8") as audit:
            sink = hash_chained_sink(audit)
            samples = []
            for r in range(runs + 2):
                t0 = time.perf_counter()
                result = await run_agent(
                    ScriptedAgent(steps), "bench", tools=tools, policy=policy,
                    sinks=(sink,), store=store, run_id=f"bench-{r}", budget=Budget(steps=steps + 1),
                )
                elapsed = time.perf_counter() - t0
                assert result.error is None, result.error
                if r >= 2:  # two warm-up runs
                    samples.append(elapsed / steps * 1e6)
    samples.sort()
    print(json.dumps({"median_us": samples[len(samples) // 2],
                      "p95_us": samples[min(len(samples) - 1, int(0.95 * len(samples)))],
                      "steps": runs * steps}))


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    asyncio.run(main(args[0] if args else 10, args[1] if len(args) > 1 else 200))
