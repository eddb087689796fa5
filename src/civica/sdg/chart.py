"""A line chart of a local indicator as plain SVG drawn on the server: baseline, measurements, target.

No JavaScript; the page shows the same numbers in a table next to the chart, which is what screen
readers read (the SVG is marked as an image with a text alternative).
"""

from dataclasses import dataclass

WIDTH, HEIGHT, PAD = 560, 220, 40


@dataclass
class Point:
    x: float
    y: float
    label: str
    value: str


def points(local_indicator) -> dict:
    """Coordinates for the template: the measured line, the baseline and the target as dots."""
    series = [(local_indicator.baseline_year, float(local_indicator.baseline), "baseline")]
    series += [
        (m.measured_on.year + (m.measured_on.timetuple().tm_yday - 1) / 366, float(m.value), "measured")
        for m in local_indicator.measurements.all()
    ]
    series.append((local_indicator.target_year, float(local_indicator.target_value), "target"))
    xs = [x for x, _v, _k in series]
    ys = [y for _x, y, _k in series]
    x_low, x_high = min(xs), max(xs) if max(xs) > min(xs) else min(xs) + 1
    y_low, y_high = min(0.0, min(ys)), max(ys) or 1.0

    def place(x, y):
        return (
            PAD + (x - x_low) / (x_high - x_low) * (WIDTH - 2 * PAD),
            HEIGHT - PAD - (y - y_low) / ((y_high - y_low) or 1.0) * (HEIGHT - 2 * PAD),
        )

    placed = [(place(x, y), kind, y) for x, y, kind in series]
    measured = [xy for xy, kind, _y in placed if kind != "target"]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "line": " ".join(f"{x:.1f},{y:.1f}" for x, y in measured),
        "dots": [Point(x=xy[0], y=xy[1], label=kind, value=f"{value:g}") for xy, kind, value in placed],
        "axis_y": HEIGHT - PAD,
        "axis_x_end": WIDTH - PAD,
        "pad": PAD,
        "first_year": int(x_low),
        "last_year": int(x_high),
    }
