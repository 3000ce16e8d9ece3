{#- A Leaflet GeoJSON layer; tooltips and popups are HTML rendered from popup.html.
    Each area also carries a ring (shown by view.js only while the area is too small). -#}
{% macro script(this, kwargs) %}
L.geoJSON({{ this.collection|tojson }}, {
    style: function (f) { return f.properties.style; },
    onEachFeature: function (f, layer) {
        layer.bindTooltip(f.properties.tip, {sticky: true});
        layer.bindPopup(f.properties.popup);
        if (f.properties.ring) {
            layer.ckRing = L.circleMarker(layer.getBounds().getCenter(), {
                radius: 11, color: f.properties.style.color, weight: 3, dashArray: "4 3",
                fill: false, opacity: 0, interactive: false, className: "ck-ring"
            }).addTo({{ this._parent.get_name() }});
        }
    }
}).addTo({{ this._parent.get_name() }});
{% endmacro %}
