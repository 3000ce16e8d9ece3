{#- Leaflet markers with a symbol (DivIcon from icon.html), a tooltip and a popup. Each is
    a button named after its place: Tab reaches it, Enter opens its popup. -#}
{% macro script(this, kwargs) %}
{{ this.markers|tojson }}.forEach(function (m) {
    L.marker([m.lat, m.lon], {
        icon: L.divIcon({html: m.icon, className: "ck-icon", iconSize: [18, 18],
                         iconAnchor: [9, 9]}),
        keyboard: true
    }).on("add", function () { this.getElement().setAttribute("aria-label", m.name); })
      .bindTooltip(m.tip, {permanent: m.label, direction: "right",
                           offset: [8, 0], className: m.label ? "ck-label" : ""})
      .bindPopup(m.popup)
      .addTo({{ this._parent.get_name() }});
});
{% endmacro %}
