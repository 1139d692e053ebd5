#!/usr/bin/env python3
"""Writes the synthetic sample inputs of this folder (seeded: the same files on every run).

lifetimes.csv   channel lifetimes on two platforms (days; event 1 = removed, 0 = still up at the end)
series.csv      active channels per day around a takedown on day 30
referrals.csv   a referral log: two platforms, removed / declined / pending
"""
import math
import random

rng = random.Random(2019)

with open("lifetimes.csv", "w", newline="\n") as f:
    f.write("id,time,event,platform,audience_k\n")
    for i in range(60):
        platform = "telegram" if i % 2 == 0 else "selfhosted"
        audience = round(rng.lognormvariate(1.0, 0.8), 2)
        mean = 10.0 if platform == "telegram" else 60.0
        life = rng.expovariate(1.0 / (mean / (1 + 0.2 * audience)))
        end = 90.0
        if life < end:
            f.write(f"c{i:03d},{life:.2f},1,{platform},{audience}\n")
        else:
            f.write(f"c{i:03d},{end:.2f},0,{platform},{audience}\n")

with open("series.csv", "w", newline="\n") as f:
    f.write("day,active\n")
    for d in range(0, 121):
        if d < 30:
            y = 1000 + rng.gauss(0, 12)
        else:
            y = 720 - (720 - 310) * math.exp(-0.05 * (d - 30)) + rng.gauss(0, 12)
        f.write(f"{d},{y:.0f}\n")

with open("referrals.csv", "w", newline="\n") as f:
    f.write("id,platform,sent_at,outcome,decided_at\n")
    for i in range(120):
        platform = "telegram" if i % 3 else "filehost"
        sent = rng.uniform(0, 60)
        u = rng.random()
        if u < (0.85 if platform == "telegram" else 0.45):
            latency = rng.expovariate(1 / (0.8 if platform == "telegram" else 6.0))
            if sent + latency < 65:
                f.write(f"r{i:03d},{platform},{sent:.3f},removed,{sent + latency:.3f}\n")
            else:
                f.write(f"r{i:03d},{platform},{sent:.3f},pending,\n")
        else:
            f.write(f"r{i:03d},{platform},{sent:.3f},declined,{sent + 1:.3f}\n")
