#!/usr/bin/env python3
"""Prints the CPU seconds (user + system) used so far by the application's JVM and by PostgreSQL's processes,
as "java postgres": run it before and after a load to charge the difference to it.
Usage: cpu.py APP_PID"""
import os, sys

app = sys.argv[1]
tick = os.sysconf("SC_CLK_TCK")
java = postgres = 0.0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        stat = open(f"/proc/{pid}/stat").read()
    except OSError:
        continue
    name = stat[stat.index("(") + 1:stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2:].split()
    seconds = (int(fields[11]) + int(fields[12])) / tick
    if pid == app:
        java += seconds
    elif name.startswith("postgres"):
        postgres += seconds
print(f"{java:.2f} {postgres:.2f}")
