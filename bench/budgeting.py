"""Benchmark: participatory budgeting at scale: build a synthetic Pabulib election, parse it, import it
and compute each rule, reporting seconds and peak memory (tracemalloc) per step. Not part of `make test`.

    .venv/bin/python bench/budgeting.py                        # 10,000 ballots x 50 projects
    BENCH_BALLOTS=100000 BENCH_PROJECTS=200 .venv/bin/python bench/budgeting.py
    BENCH_RULES=greedy,mes,mes-plain BENCH_PABUTOOLS=1 ...     # which rules; also time pabutools

Ballots approve 1 to 10 projects drawn with Zipf-like popularity (as real elections: a few popular
projects, a long tail); costs are 1-10% of the budget. The import goes to SQLite in a temporary folder
unless DATABASE_URL is set.
"""

import os
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civica.config.settings")
os.environ.setdefault("CIVICA_TASK_BACKEND", "immediate")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from civica.budgeting import pabulib, selectors, services  # noqa: E402
from civica.budgeting.outcomes import equal_shares, greedy  # noqa: E402
from civica.core.permissions import SYSTEM  # noqa: E402


def build(ballots: int, projects: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    budget = 10_000_000
    lines = ["META", "key;value", f"budget;{budget}", "vote_type;approval", "rule;equalshares/add1"]
    lines += [f"num_projects;{projects}", f"num_votes;{ballots}", "PROJECTS", "project_id;cost;name"]
    ids = [str(1000 + i) for i in range(projects)]
    for pid in ids:
        lines.append(f"{pid};{rng.randint(budget // 100, budget // 10)};Project {pid}")
    weights = [1 / (rank + 1) for rank in range(projects)]
    lines += ["VOTES", "voter_id;vote"]
    for v in range(ballots):
        chosen = set(rng.choices(ids, weights=weights, k=rng.randint(1, 10)))
        lines.append(f"{v};{','.join(sorted(chosen))}")
    return "\n".join(lines) + "\n"


def measure(label, call):
    tracemalloc.start()
    start = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"{label:<28} {seconds:9.2f} s   peak {peak:8.1f} MiB", flush=True)
    return result


def main():
    ballots = int(os.environ.get("BENCH_BALLOTS", 10_000))
    projects = int(os.environ.get("BENCH_PROJECTS", 50))
    rules = os.environ.get("BENCH_RULES", "greedy,mes-plain,mes").split(",")
    print(f"{ballots} ballots x {projects} projects")
    call_command("migrate", verbosity=0)
    text = measure("build .pb", lambda: build(ballots, projects))
    pb = measure("parse", lambda: pabulib.parse(text))
    process = measure("import (database)", lambda: services.process_import_pabulib(actor=SYSTEM, text=text))
    election = measure("load election", lambda: selectors.election_of(process))
    del pb
    if "greedy" in rules:
        measure("greedy", lambda: greedy(election))
    if "mes-plain" in rules:
        measure("mes (no completion)", lambda: equal_shares(election, completion=None))
    if "mes" in rules:
        out = measure("mes + add1", lambda: equal_shares(election))
        print(f"  selected {len(out.selected)} projects, per-voter budget {float(out.voter_budget):.2f}")
    if os.environ.get("BENCH_PABUTOOLS"):
        from pabutools.election import Cost_Sat, parse_pabulib_from_string
        from pabutools.rules import method_of_equal_shares

        instance, profile = parse_pabulib_from_string(text)
        measure(
            "pabutools mes + add1",
            lambda: method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1),
        )


if __name__ == "__main__":
    main()
