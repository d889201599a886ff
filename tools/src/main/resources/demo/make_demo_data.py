#!/usr/bin/env python3
"""Makes the sample data `driftwatch demo` compares: a credit model's training inputs (reference.csv) and
one week of production inputs (current.csv) in which a few things went wrong on purpose:
- income shifted up by about 15% (a new marketing campaign brought richer applicants),
- a region the model never saw ('north-east', a new market) appears,
- employment_years lost values (an upstream form field became optional),
- age, credit_score, num_accounts and device stay as they were.
Run: python3 make_demo_data.py (numpy only; seeded, so the files are reproducible)."""
import numpy as np

rng = np.random.default_rng(20261123)


def rows(n, shifted):
    age = rng.normal(41, 11, n).clip(18, 90).round(0)
    income = rng.lognormal(np.log(52000 * (1.15 if shifted else 1.0)), 0.45, n).round(0)
    credit_score = rng.normal(680, 55, n).clip(300, 850).round(0)
    num_accounts = rng.choice([1, 2, 3, 4], n, p=[0.4, 0.3, 0.2, 0.1])
    regions = ["north", "south", "east", "west"] + (["north-east"] if shifted else [])
    weights = [0.3, 0.25, 0.25, 0.2] if not shifted else [0.26, 0.22, 0.22, 0.18, 0.12]
    region = rng.choice(regions, n, p=weights)
    device = rng.choice(["mobile", "desktop"], n, p=[0.62, 0.38])
    employment = rng.gamma(2.0, 3.5, n).round(1)
    missing_share = 0.22 if shifted else 0.02
    employment_text = [("" if rng.random() < missing_share else f"{v}") for v in employment]
    return age, income, credit_score, num_accounts, region, device, employment_text


def write(path, n, shifted):
    cols = rows(n, shifted)
    with open(path, "w") as f:
        f.write("age,income,credit_score,num_accounts,region,device,employment_years\n")
        for r in zip(*cols):
            f.write(f"{int(r[0])},{int(r[1])},{int(r[2])},{r[3]},{r[4]},{r[5]},{r[6]}\n")


write("reference.csv", 1000, False)
write("current.csv", 800, True)
