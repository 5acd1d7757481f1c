"""world-atlas land-110m TopoJSON -> communique/serve/static/world.svg (equirectangular, viewBox 0 0 360 180).

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_map.py package/land-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "communique" / "serve" / "static" / "world.svg"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Delta-encoded, quantized arcs -> lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def split_at_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses longitude 180 drawn as pieces on each side (no stroke across the whole map)."""
    pieces = [[points[0]]]
    for prev, point in zip(points, points[1:]):
        if abs(point[0] - prev[0]) > 180:
            pieces.append([])
        pieces[-1].append(point)
    return [p for p in pieces if len(p) > 2]


def svg_path(topo: dict) -> str:
    arcs = decode_arcs(topo)
    parts = []
    for geom in topo["objects"]["land"]["geometries"]:
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                for piece in split_at_antimeridian(ring_points(ring, arcs)):
                    parts.append("M" + "L".join(f"{lon + 180:.1f},{90 - lat:.1f}" for lon, lat in piece) + "Z")
    return "".join(parts)


def main(path: str) -> None:
    topo = json.loads(Path(path).read_text(encoding="utf-8"))
    OUT.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">'
        "<!-- land outline from world-atlas 2.0.2 land-110m (Natural Earth, public domain; world-atlas ISC, "
        "see world-atlas.LICENSE) -->"
        f'<rect width="360" height="180" fill="#dbe9f4"/><path d="{svg_path(topo)}" fill="#f4f1e8" '
        'stroke="#9a9483" stroke-width="0.2"/></svg>\n', encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
