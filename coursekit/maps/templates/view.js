{#- The first view and what the map allows: the map opens on its extent, never zooms out
    or pans past the country outlines (they are clipped, so that would show their cut
    edges), keeps permanent labels apart and rings areas too small to see. -#}
{% macro script(this, kwargs) %}
(function (map) {
    var extent = L.latLngBounds({{ this.extent|tojson }});
    var land = L.latLngBounds({{ this.land|tojson }});
    var MIN_AREA_PX = {{ this.min_area_px|tojson }};

    // The smallest zoom at which the whole view lies inside the outlines.
    function limit() {
        map.setMaxBounds(null);
        map.setMinZoom(0);
        var least = map.getBoundsZoom(land, true);
        map.setMinZoom(least);
        map.setMaxBounds(land);
        return least;
    }

    function boxesMeet(a, b) {
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    }

    // Permanent labels, in the order the places are listed: a label that would cover an
    // earlier one, a symbol or the title, or run off the map, goes to the left of its
    // symbol, or else is hidden (the symbol keeps its name and its popup).
    function declutter() {
        var frame = map.getContainer().getBoundingClientRect();
        var taken = [];
        document.querySelectorAll(".ck-title, .ck-glyph").forEach(function (el) {
            taken.push({el: el.closest(".ck-icon") || el, box: el.getBoundingClientRect()});
        });
        map.eachLayer(function (layer) {
            var tip = layer.getTooltip && layer.getTooltip();
            if (!tip || !tip.options.permanent || !map.hasLayer(tip)) { return; }
            var el = tip.getElement();
            var own = layer.getElement ? layer.getElement() : null;
            var sides = [["right", [8, 0]], ["left", [-8, 0]]];
            el.style.visibility = "";
            for (var i = 0; i < sides.length; i++) {
                tip.options.direction = sides[i][0];
                tip.options.offset = L.point(sides[i][1]);
                tip.update();
                var box = el.getBoundingClientRect();
                var out = box.left < frame.left || box.right > frame.right ||
                    box.top < frame.top || box.bottom > frame.bottom;
                var clash = out || taken.some(function (t) {
                    return t.el !== own && boxesMeet(box, t.box);
                });
                if (!clash) { taken.push({el: el, box: box}); return; }
            }
            el.style.visibility = "hidden";
        });
    }

    // An area smaller than MIN_AREA_PX across gets a ring around it, so that it shows.
    function ring() {
        map.eachLayer(function (layer) {
            if (!layer.ckRing) { return; }
            var box = layer.getBounds();
            var a = map.latLngToContainerPoint(box.getSouthWest());
            var b = map.latLngToContainerPoint(box.getNorthEast());
            var small = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y)) < MIN_AREA_PX;
            layer.ckRing.setStyle({opacity: small ? 1 : 0});
        });
    }

    function settle() {
        window.requestAnimationFrame(function () { ring(); declutter(); });
    }

    var least = limit();
    map.fitBounds(extent, {animate: false, padding: [6, 6]});
    if (map.getZoom() < least) { map.setZoom(least, {animate: false}); }
    map.panInsideBounds(land, {animate: false});
    map.on("zoomend moveend overlayadd overlayremove", settle);
    map.on("resize", function () { limit(); settle(); });
    settle();
})({{ this._parent.get_name() }});
{% endmacro %}
