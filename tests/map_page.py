"""Looking inside a map iframe of the web book: its Leaflet map, its view and its layers."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Frame, Page

#: Runs in the map's document: what the first view shows, layer by layer.
VIEW_JS = """
() => {
    const map = Object.values(window).find(v => v instanceof L.Map);
    const size = map.getSize();
    const view = map.getBounds();
    const inside = (x, y) => x >= 0 && y >= 0 && x <= size.x && y <= size.y;
    const land = map.options.maxBounds;
    function shown(layer) {
        // Something of the layer is on screen and at least 16 px across (or ringed).
        if (layer instanceof L.Marker) {
            const p = map.latLngToContainerPoint(layer.getLatLng());
            return inside(p.x, p.y);
        }
        if (layer instanceof L.CircleMarker) { return false; }
        if (layer instanceof L.Path) {
            const b = layer.getBounds();
            const a = map.latLngToContainerPoint(b.getSouthWest());
            const c = map.latLngToContainerPoint(b.getNorthEast());
            const onScreen = c.x >= 0 && a.x <= size.x && c.y <= size.y && a.y >= 0;
            const across = Math.max(Math.abs(c.x - a.x), Math.abs(c.y - a.y));
            const ringed = layer.ckRing && layer.ckRing.options.opacity === 1;
            return onScreen && (across >= 16 || ringed);
        }
        if (layer.eachLayer) {
            let any = false;
            layer.eachLayer(l => { any = any || shown(l); });
            return any;
        }
        return false;
    }
    const layers = [...document.querySelectorAll(".leaflet-control-layers-overlays label")]
        .map(label => {
            const input = label.querySelector("input");
            const layer = map._layers[input.layerId];
            return {name: label.textContent.trim(), checked: input.checked,
                    shown: Boolean(layer) && shown(layer)};
        });
    const labels = [...document.querySelectorAll(".ck-label")]
        .filter(el => getComputedStyle(el).visibility !== "hidden")
        .map(el => { const r = el.getBoundingClientRect();
                     return {text: el.textContent, box: [r.left, r.top, r.right, r.bottom]}; });
    const title = document.querySelector(".ck-title").getBoundingClientRect();
    return {
        zoom: map.getZoom(), minZoom: map.getMinZoom(), size: [size.x, size.y],
        view: [view.getSouth(), view.getWest(), view.getNorth(), view.getEast()],
        land: land ? [land.getSouth(), land.getWest(), land.getNorth(), land.getEast()] : null,
        layers, labels, title: [title.width, title.height],
    };
}
"""


def map_frame(page: Page) -> Frame:
    """The first map iframe's document, once Leaflet has drawn it."""
    page.wait_for_selector("figure.coursekit-map iframe")
    first = page.locator("figure.coursekit-map iframe").first
    first.scroll_into_view_if_needed()  # map frames load when they come into view
    handle = first.element_handle()
    frame = handle.content_frame() if handle else None
    assert frame is not None, "the map iframe has no document"
    frame.wait_for_selector(".leaflet-container", timeout=15_000)
    frame.wait_for_selector("path.leaflet-interactive", state="attached", timeout=15_000)
    # view.js settles the labels in an animation frame once the map is drawn: two frames
    # later they have settled (no fixed wait: a test's sleep leaves a core idle).
    frame.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return frame


def first_view(frame: Frame) -> dict[str, Any]:
    return frame.evaluate(VIEW_JS)


def overlapping(boxes: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs of boxes ``[left, top, right, bottom]`` that overlap."""
    return [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[i + 1 :], i + 1)
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]
