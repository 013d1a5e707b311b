"""Run a command and sample, once a second, the summed PSS (proportional set size: shared pages
split between the processes that share them) of it and all its descendants; print the peak.

    cd SITE && python benchmarks/peak_memory.py diparchive build --no-cache --output DIR --quiet

Linux only (/proc/PID/smaps_rollup)."""

import os
import subprocess
import sys
import time


def children(pid):
    out = []
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            if ppid == pid:
                out.append(int(p))
    return out


def tree(pid):
    found, pending = [], [pid]
    while pending:
        p = pending.pop()
        found.append(p)
        pending += children(p)
    return found


def pss(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


proc = subprocess.Popen(sys.argv[1:])
peak, peak_at = 0, 0.0
start = time.time()
while proc.poll() is None:
    total = sum(pss(p) for p in tree(proc.pid))
    if total > peak:
        peak, peak_at = total, time.time() - start
    time.sleep(1)
print(
    f"exit {proc.returncode}; {time.time() - start:.0f} s; peak summed PSS {peak / 1024:.0f} MiB at {peak_at:.0f} s",
    flush=True,
)
