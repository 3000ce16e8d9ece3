{#- A Leaflet GeoJSON layer; tooltips and popups are HTML rendered from popup.html. -#}
{% macro script(this, kwargs) %}
L.geoJSON({{ this.collection|tojson }}, {
    style: function (f) { return f.properties.style; },
    onEachFeature: function (f, layer) {
        layer.bindTooltip(f.properties.tip, {sticky: true});
        layer.bindPopup(f.properties.popup);
    }
}).addTo({{ this._parent.get_name() }});
{% endmacro %}
