"""Measures Lynx's own step overhead: `run_agent` driving a scripted agent through tool calls
under the same policy as bench/worker/step-bundle/entry.ts, journaled to a SQLite `RunStore`
(the store contract Lynx documents: PRIMARY KEY (run_id, seq), a duplicate raises
DuplicateRecord; one commit per record, WAL with synchronous=NORMAL) and audited through Lynx's `hash_chained_sink`.

Serves rounds, so that bench/node/step.bench.test.ts can interleave them with Gatehouse's (both
then see the same machine load): each line read on stdin is a number of runs R; the answer is
one JSON line with, per run of STEPS steps, the wall µs per step (`time.perf_counter`) and the
CPU µs per step of this process (`time.process_time`, user + system).

    echo 10 | LYNX_SRC=/path/to/lynx-checkout python3 scripts/lynx-step-bench.py [steps]
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


async def main(steps: int) -> None:
    policy = compile_policy(POLICY)
    tools = ToolSet.from_functions(read_file)
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteRunStore(os.path.join(tmp, "journal.sqlite"))
        with open(os.path.join(tmp, "audit.jsonl"), "w", encoding="utf-8") as audit:
            sink = hash_chained_sink(audit)
            run = 0
            for line in sys.stdin:
                wall, cpu = [], []
                for _ in range(int(line)):
                    run += 1
                    w0, c0 = time.perf_counter(), time.process_time()
                    result = await run_agent(
                        ScriptedAgent(steps), "bench", tools=tools, policy=policy,
                        sinks=(sink,), store=store, run_id=f"bench-{run}", budget=Budget(steps=steps + 1),
                    )
                    w1, c1 = time.perf_counter(), time.process_time()
                    assert result.error is None, result.error
                    wall.append((w1 - w0) / steps * 1e6)
                    cpu.append((c1 - c0) / steps * 1e6)
                print(json.dumps({"wall_us": wall, "cpu_us": cpu}), flush=True)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
