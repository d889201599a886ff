"""NannyML's data-reconstruction drift (DataReconstructionDriftCalculator, commit 11ef5c86) in plain NumPy.

Writes reconstruction_cases.json beside this file: the generated reference and analysis rows (inputs) and the
values the Java tests expect. Run with `python3 reconstruction_reference.py` (NumPy only; no scikit-learn, pandas
or category_encoders, so each of their steps is written out below with the behaviour NannyML relies on).

Data: two numeric features x1, x2 with correlation +0.7 in the reference and in the first two analysis chunks, and a
categorical colour. The last two analysis chunks re-pair the first two's x2 values among their rows so that the
correlation becomes about -0.7 (Iman-Conover: x2's sorted values assigned in the rank order of -0.7 x1 + noise): each
holds exactly the x1 and x2 values of the unchanged chunk it copies, so no per-feature test can tell them apart, but
the features now move against each other. About 5% of x1 and of colour is missing in every chunk, and the last
analysis chunk holds a colour ("violet") the reference never saw.
"""
import json
import os
from collections import Counter

import numpy as np

CHUNK_ROWS = 200
REFERENCE_CHUNKS = 10
N_COMPONENTS = 0.65
SAMPLING_ERROR_RANGE = 3
COLOURS = ["blue", "green", "red"]
COLOUR_SHARES = [0.5, 0.3, 0.2]


def generate(rng, rows, correlation, colours, shares):
    x1 = rng.standard_normal(rows)
    x2 = correlation * x1 + np.sqrt(1 - correlation ** 2) * rng.standard_normal(rows)
    colour = rng.choice(colours, size=rows, p=shares).astype(object)
    complete = x1.copy()
    x1[rng.random(rows) < 0.05] = np.nan
    colour[rng.random(rows) < 0.05] = None
    return {"x1": x1, "x1_complete": complete, "x2": x2, "colour": colour}


def flip_correlation(rng, chunk, colours, shares):
    """The chunk's x1 and x2 values, x2 re-paired so the correlation is about -0.7; a fresh colour column."""
    x1 = np.where(np.isnan(chunk["x1"]), chunk["x1_complete"], chunk["x1"])
    target = -0.7 * x1 + np.sqrt(1 - 0.7 ** 2) * rng.standard_normal(len(x1))
    x2 = np.empty_like(chunk["x2"])
    x2[np.argsort(target)] = np.sort(chunk["x2"])
    flipped = generate(rng, len(x1), 0.0, colours, shares)
    return {"x1": chunk["x1"].copy(), "x1_complete": chunk["x1_complete"], "x2": x2, "colour": flipped["colour"]}


def most_frequent(values):
    """SimpleImputer(strategy='most_frequent'): on a tie the smallest value."""
    counts = Counter(v for v in values if v is not None)
    top = max(counts.values())
    return min(v for v, c in counts.items() if c == top)


def fit(reference):
    mean_x1 = float(np.nanmean(reference["x1"]))
    mean_x2 = float(np.nanmean(reference["x2"]))
    colour_mode = most_frequent(reference["colour"])
    imputed_colour = [colour_mode if v is None else v for v in reference["colour"]]
    counts = Counter(imputed_colour)
    shares = {c: n / len(imputed_colour) for c, n in counts.items()}
    fitted = {"means": [mean_x1, mean_x2], "colour_mode": colour_mode, "shares": shares}
    encoded = encode(fitted, reference)
    scaler_mean = encoded.mean(axis=0)
    scaler_scale = encoded.std(axis=0)
    scaler_scale[scaler_scale == 0] = 1.0
    scaled = (encoded - scaler_mean) / scaler_scale
    pca_mean = scaled.mean(axis=0)
    _, singular, vt = np.linalg.svd(scaled - pca_mean, full_matrices=False)
    explained_variance = singular ** 2 / (scaled.shape[0] - 1)
    ratios = explained_variance / explained_variance.sum()
    k = int(np.searchsorted(np.cumsum(ratios), N_COMPONENTS, side="right") + 1)
    fitted.update(scaler_mean=scaler_mean, scaler_scale=scaler_scale, pca_mean=pca_mean,
                  components=vt[:k], ratios=ratios, k=k)
    return fitted


def encode(fitted, data):
    """Imputation, then CountEncoder(normalize=True): an unseen category is NaN after the map and
    handle_unknown='value' replaces it by 0 (category_encoders count.py)."""
    x1 = np.where(np.isnan(data["x1"]), fitted["means"][0], data["x1"])
    x2 = np.where(np.isnan(data["x2"]), fitted["means"][1], data["x2"])
    colour = [fitted["colour_mode"] if v is None else v for v in data["colour"]]
    colour_share = np.array([fitted["shares"].get(v, 0.0) for v in colour])
    return np.column_stack([x1, x2, colour_share])


def row_errors(fitted, data):
    """Both numbers per row: the issue's distance to the reconstruction, and the norm of the reconstruction alone
    (what an implementation gets if it forgets to subtract, as the brief reports of NannyML; its commit 11ef5c86
    does subtract once, at calculator.py line 260, so its numbers equal the first)."""
    scaled = (encode(fitted, data) - fitted["scaler_mean"]) / fitted["scaler_scale"]
    w = fitted["components"]
    reconstructed = (scaled - fitted["pca_mean"]) @ w.T @ w + fitted["pca_mean"]
    return np.linalg.norm(scaled - reconstructed, axis=1), np.linalg.norm(reconstructed, axis=1)


def chunk_figures(errors):
    value = float(np.mean(errors))
    sampling_error = float(np.std(errors, ddof=1) / np.sqrt(len(errors)))
    return {"value": value, "sampling_error": sampling_error,
            "upper_confidence_bound": value + SAMPLING_ERROR_RANGE * sampling_error,
            "lower_confidence_bound": max(0.0, value - SAMPLING_ERROR_RANGE * sampling_error)}


def chunks_of(data, count):
    return [{name: values[i * CHUNK_ROWS:(i + 1) * CHUNK_ROWS] for name, values in data.items()} for i in range(count)]


def concat(parts):
    return {name: np.concatenate([p[name] for p in parts]) for name in parts[0]}


def as_json_rows(data):
    return {"x1": [None if np.isnan(v) else float(v) for v in data["x1"]],
            "x2": [float(v) for v in data["x2"]],
            "colour": list(data["colour"])}


def main():
    rng = np.random.default_rng(25)
    reference = generate(rng, CHUNK_ROWS * REFERENCE_CHUNKS, 0.7, COLOURS, COLOUR_SHARES)
    unchanged = [generate(rng, CHUNK_ROWS, 0.7, COLOURS, COLOUR_SHARES) for _ in range(2)]
    analysis = concat(unchanged + [
        flip_correlation(rng, unchanged[0], COLOURS, COLOUR_SHARES),
        flip_correlation(rng, unchanged[1], COLOURS + ["violet"], [0.4, 0.25, 0.15, 0.2]),
    ])
    fitted = fit(reference)
    reference_chunks = [chunk_figures(row_errors(fitted, c)[0]) for c in chunks_of(reference, REFERENCE_CHUNKS)]
    analysis_chunks = [chunk_figures(row_errors(fitted, c)[0]) for c in chunks_of(analysis, 4)]
    values = np.array([c["value"] for c in reference_chunks])
    lower = float(np.mean(values) - 3 * np.std(values))
    upper = float(np.mean(values) + 3 * np.std(values))
    distance, reconstruction_norm = row_errors(fitted, analysis)
    expected = {
        "k": fitted["k"],
        "explained_variance_ratios": fitted["ratios"].tolist(),
        "imputed_means": fitted["means"],
        "imputed_colour": fitted["colour_mode"],
        "colour_shares": fitted["shares"],
        "scaler_means": fitted["scaler_mean"].tolist(),
        "scaler_scales": fitted["scaler_scale"].tolist(),
        "reference_chunks": reference_chunks,
        "analysis_chunks": analysis_chunks,
        "lower_threshold": max(lower, 0.0),
        "upper_threshold": upper,
        "analysis_alerts": [not (max(lower, 0.0) <= c["value"] <= upper) for c in analysis_chunks],
        "analysis_row_errors": distance.tolist(),
        "analysis_reconstruction_norms": reconstruction_norm.tolist(),
    }
    cases = {"chunk_rows": CHUNK_ROWS, "reference": as_json_rows(reference), "analysis": as_json_rows(analysis),
             "expected": expected}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "reconstruction_cases.json"), "w") as out:
        json.dump(cases, out, indent=1)
    print("k", fitted["k"], "ratios", fitted["ratios"])
    print("reference chunk values", [round(c["value"], 4) for c in reference_chunks])
    print("analysis chunk values ", [round(c["value"], 4) for c in analysis_chunks])
    for i in range(4):
        part = {name: values[i * CHUNK_ROWS:(i + 1) * CHUNK_ROWS] for name, values in analysis.items()}
        print("analysis chunk", i, "correlation of x1, x2",
              round(float(np.corrcoef(part["x1_complete"], part["x2"])[0, 1]), 3))
    print("thresholds", max(lower, 0.0), upper)
    print("analysis chunk means of the reconstruction norm (no subtraction)",
          [round(float(np.mean(reconstruction_norm[i * CHUNK_ROWS:(i + 1) * CHUNK_ROWS])), 4) for i in range(4)])


if __name__ == "__main__":
    main()
