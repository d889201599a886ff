#!/usr/bin/env python3
"""Writes the two files of docs/your-own-data.md: a churn model's training file and a day of its scoring log.

    python3 docs/examples/churn_files.py DIR

train.csv holds 4,000 customers as a pandas export would (booleans as True/False, a missing value as an empty
field) with the label `churned` and the model's score `p_churn` on each. scored.csv holds six hours of scoring on
2026-12-01, 600 requests an hour, as a JSON logger flattened to CSV would (booleans as true/false, missing as
NaN or empty). From 11:00 on a price change reaches the scoring traffic: higher monthly charges, more support
calls, a plan the model never saw (`family`), logins missing from a quarter of the rows, and higher scores.
Standard library only; seeded, so every run writes the same files.
"""
import csv
import math
import os
import random
import sys
from datetime import datetime, timedelta, timezone

FEATURES = ["tenure_months", "monthly_charges", "support_calls", "plan", "autopay", "region", "days_since_login"]


def customer(rng, shifted):
    tenure = rng.randint(1, 72)
    plan = rng.choices(["basic", "standard", "premium", "family"],
                       weights=[45, 35, 20, 12 if shifted else 0])[0]
    base = {"basic": 35.0, "standard": 60.0, "premium": 95.0, "family": 110.0}[plan]
    charges = base * (1.15 if shifted else 1.0) + rng.gauss(0, 8)
    calls = min(12, int(rng.expovariate(1 / (2.4 if shifted else 1.2))))
    autopay = rng.random() < 0.6
    region = rng.choices(["north", "south", "east", "west"], weights=[30, 25, 25, 20])[0]
    login = None if rng.random() < (0.25 if shifted else 0.03) else int(rng.expovariate(1 / 9))
    logit = -1.2 - 0.04 * tenure + 0.02 * (charges - 60) + 0.35 * calls - (0.6 if autopay else 0) \
        + 0.05 * (login if login is not None else 9)
    p_churn = 1 / (1 + math.exp(-logit))
    return {"tenure_months": tenure, "monthly_charges": round(charges, 2), "support_calls": calls, "plan": plan,
            "autopay": autopay, "region": region, "days_since_login": login}, p_churn


def main(directory):
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(20261201)
    with open(os.path.join(directory, "train.csv"), "w", newline="") as out:
        rows = csv.writer(out)
        rows.writerow(["customer_id", "snapshot_at"] + FEATURES + ["churned", "p_churn"])
        snapshot = datetime(2026, 9, 30, tzinfo=timezone.utc)
        for i in range(4000):
            features, p_churn = customer(rng, shifted=False)
            churned = 1 if rng.random() < p_churn else 0
            rows.writerow([f"C-{100001 + i}", (snapshot - timedelta(days=rng.randint(0, 89))).strftime("%Y-%m-%d")]
                          + [pandas_cell(features[name]) for name in FEATURES] + [churned, f"{p_churn:.4f}"])
    with open(os.path.join(directory, "scored.csv"), "w", newline="") as out:
        rows = csv.writer(out)
        rows.writerow(["request_id", "scored_at"] + FEATURES + ["p_churn"])
        start = datetime(2026, 12, 1, 8, tzinfo=timezone.utc)
        for i in range(3600):
            at = start + timedelta(seconds=6 * i + 6 * rng.random())
            features, p_churn = customer(rng, shifted=at.hour >= 11)
            rows.writerow([f"req-{rng.getrandbits(48):012x}", at.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"]
                          + [logger_cell(features[name], rng) for name in FEATURES] + [f"{p_churn:.4f}"])


def pandas_cell(value):
    return "" if value is None else value


def logger_cell(value, rng):
    if value is None:
        return rng.choice(["", "NaN"])
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
