"""Measures Lynx's own engine on the policy-scale benchmark shapes (bench/node/policy-scale):
prints one JSON line per (variant, rules) with eval µs per call, compile ms and retained KiB.

    LYNX_SRC=/path/to/lynx-checkout python3 scripts/lynx-bench.py 10 100 1000 10000
"""

import json
import os
import pathlib
import sys
import time
from datetime import UTC, datetime

sys.path.insert(0, str(pathlib.Path(os.environ["LYNX_SRC"]) / "src"))

from lynx.core.policy import compile_policy, evaluate  # noqa: E402
from lynx.core.types import ActionRequest, ExecutionContext, Principal, ToolMetadata  # noqa: E402


def policy(variant: str, n: int) -> str:
    # The same text as bench/node/policy-scale.bench.test.ts builds.
    suffix = "" if variant == "lynx" else "/"
    default = "allow" if variant == "lynx" else "deny"
    rules = "".join(
        f"  - id: rule-{i}\n    match:\n      tool: shell\n      args.cmd.matches: '^cmd-{i}{suffix}'\n    decision: deny\n"
        for i in range(n)
    )
    return f"version: 1\ndefaults: {{ on_no_match: {default} }}\nrules:\n{rules}"


def request(variant: str, n: int) -> ActionRequest:
    ctx = ExecutionContext(principal=Principal(kind="user", id="bench"), environment="dev", workspace="/tmp",
                           correlation_id="R-bench", step_seq=0, timestamp=datetime.now(UTC))
    cmd = "ls" if variant == "lynx" else f"cmd-{n - 1}/run"
    return ActionRequest(tool="shell", args={"cmd": cmd},
                         declared=ToolMetadata(cost="low", reversible=True, scope=("compute:exec",)), context=ctx)


def rss() -> int:
    """Resident bytes (Linux), read around the compile: the compiled bundle's footprint."""
    return int(pathlib.Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measure(variant: str, n: int) -> dict:
    source = policy(variant, n)
    rss0 = rss()
    t0 = time.perf_counter()
    bundle = compile_policy(source)
    compile_times = [(time.perf_counter() - t0) * 1000]
    retained = max(0, rss() - rss0)
    # The median of three compiles below 10,000 rules (one at 10,000), as the Gatehouse side.
    for _ in range(2 if n < 10000 else 0):
        t0 = time.perf_counter()
        compile_policy(source)
        compile_times.append((time.perf_counter() - t0) * 1000)
    compile_ms = sorted(compile_times)[len(compile_times) // 2]
    req = request(variant, n)
    expected = "deny" if variant == "last" else "allow"
    assert evaluate(bundle, req, req.context).verdict.value == expected
    samples = []
    deadline = time.perf_counter() + 2.0
    while len(samples) < 5 or (time.perf_counter() < deadline and len(samples) < 200):
        batch = max(1, 20000 // max(n, 1))
        t0 = time.perf_counter()
        for _ in range(batch):
            evaluate(bundle, req, req.context)
        samples.append((time.perf_counter() - t0) / batch * 1e6)
    samples.sort()
    return {"variant": variant, "rules": n, "eval_us": samples[len(samples) // 2],
            "compile_ms": compile_ms, "kib": retained / 1024}


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]]:
        for variant in ("lynx", "last"):
            print(json.dumps(measure(variant, n)), flush=True)
