/* coursekit quiz, type "locate": find a place or an area on a Leaflet map.
 * Registers the type with quiz.js (window.ckQuiz.register): read/write the point given,
 * grade it by the shared rules and messages (messages.json) exactly as
 * coursekit/quiz/types/locate grades in Python, and setup(el, sol, check) draws the map
 * (Leaflet: inlined before, or linked and loaded when the map is first needed).
 * A click answers; or the arrow keys move a cross-hair and Enter answers. Data strings
 * reach the page only as text (textContent, DOM nodes), never as HTML. */
(function () {
  "use strict";
  var Q = window.ckQuiz;
  if (Q.types.locate) { return; }
  var RAD = Math.PI / 180;

  var fill = Q.util.fill;

  function invalid(name, values) { return new Q.Invalid(name, values); }

  /* Great-circle distance in km on the rules' sphere (pyproj.Geod on the same sphere). */
  function distanceKm(lat1, lon1, lat2, lon2, radius) {
    var h = Math.pow(Math.sin((lat2 - lat1) * RAD / 2), 2) +
      Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.pow(Math.sin((lon2 - lon1) * RAD / 2), 2);
    return 2 * radius * Math.asin(Math.min(1, Math.sqrt(h))) / 1000;
  }

  /* Nearest point of segment a-b to p, all [x, y]. */
  function nearestOnSegment(p, a, b) {
    var dx = b[0] - a[0], dy = b[1] - a[1];
    var len = dx * dx + dy * dy;
    var t = len ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len : 0;
    t = Math.max(0, Math.min(1, t));
    return [a[0] + t * dx, a[1] + t * dy];
  }

  /* Polygons are [[ring, ...], ...], rings [[lon, lat], ...]: even-odd rule per polygon. */
  function inside(polygons, lon, lat) {
    return polygons.some(function (rings) {
      var odd = false;
      rings.forEach(function (ring) {
        for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          var a = ring[i], b = ring[j];
          if ((a[1] > lat) !== (b[1] > lat) &&
              lon < (b[0] - a[0]) * (lat - a[1]) / (b[1] - a[1]) + a[0]) { odd = !odd; }
        }
      });
      return odd;
    });
  }

  /* The nearest edge point in a plane with longitudes shrunk by cos(lat): [lat, lon, d]. */
  function nearestEdge(polygons, lon, lat, shrink) {
    var best = null;
    var p = [lon * shrink, lat];
    polygons.forEach(function (rings) {
      rings.forEach(function (ring) {
        for (var i = 1; i < ring.length; i++) {
          var a = [ring[i - 1][0] * shrink, ring[i - 1][1]], b = [ring[i][0] * shrink, ring[i][1]];
          var q = nearestOnSegment(p, a, b);
          var d = Math.sqrt(Math.pow(q[0] - p[0], 2) + Math.pow(q[1] - p[1], 2));
          if (!best || d < best[2]) { best = [q[1], q[0] / shrink, d]; }
        }
      });
    });
    return best;
  }

  function number(value) {
    return typeof value === "number" && isFinite(value);
  }

  /* The point given, as {lat, lon}; throws quiz.js's Invalid with the shared message. */
  function parsePoint(point) {
    if (point === null || point === undefined || point === "") { throw invalid("locate_no_click"); }
    if (typeof point !== "object" || !number(point.lat) || !number(point.lon)) {
      throw invalid("locate_not_point", { value: String(point) });
    }
    if (Math.abs(point.lat) > 90 || Math.abs(point.lon) > 180) {
      throw invalid("locate_off_globe", { lat: point.lat, lon: point.lon });
    }
    return point;
  }

  /* Grade a point against the solution {k: "place"|"area", n, p: [lat, lon], t, g}. */
  function grade(point, sol, R, M) {
    var p = parsePoint(point);
    var miss;
    if (sol.k === "place") {
      miss = distanceKm(p.lat, p.lon, sol.p[0], sol.p[1], R.earth_radius_m);
    } else {
      var edge = nearestEdge(sol.g, p.lon, p.lat, Math.cos(p.lat * RAD));
      var flatEdge = nearestEdge(sol.g, p.lon, p.lat, 1);
      miss = inside(sol.g, p.lon, p.lat) || flatEdge[2] <= R.edge_epsilon_deg ? 0 :
        distanceKm(p.lat, p.lon, edge[0], edge[1], R.earth_radius_m);
    }
    var right = miss <= (sol.k === "place" ? sol.t : 0) + R.distance_epsilon_km;
    var values = { target: sol.n, km: Math.round(miss), tolerance: sol.t };
    var name = "locate_" + sol.k + "_" + (right ? "right" : "wrong");
    return { correct: right, feedback: [fill(M[name], values)] };
  }

  function label(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  /* A permanent label, as a layer of its own (removed with its group). */
  function tag(L, latlng, text, direction, className) {
    return L.tooltip({ permanent: true, direction: direction, className: className || "ck-locate-label" })
      .setLatLng(latlng).setContent(label(text));
  }

  /* The map with the question's outlines, country names and landmarks (nothing of the answer). */
  function baseMap(L, mapEl, data) {
    var e = data.extent;  // [west, south, east, north]
    var map = L.map(mapEl, {
      keyboard: false, attributionControl: false, scrollWheelZoom: false, fadeAnimation: false,
      zoomSnap: 0.25, maxBounds: [[e[1] - 10, e[0] - 15], [e[3] + 10, e[2] + 15]]
    });
    map.fitBounds([[e[1], e[0]], [e[3], e[2]]]);
    L.geoJSON(data.countries, { interactive: false, style: data.styles.country }).addTo(map);
    data.labels.forEach(function (spot) {
      tag(L, [spot.lat, spot.lon], spot.name, "center", "ck-locate-country").addTo(map);
    });
    data.landmarks.forEach(function (spot) {
      L.circleMarker([spot.lat, spot.lon], data.styles.landmark).addTo(map);
      tag(L, [spot.lat, spot.lon], spot.name, "right").addTo(map);
    });
    return map;
  }

  /* The target as a layer: the place with its tolerance circle, or the area. */
  function targetLayer(L, sol, styles) {
    if (sol.k === "place") {
      return L.featureGroup([
        L.circle(sol.p, L.extend({ radius: sol.t * 1000 }, styles.target)),
        L.circleMarker(sol.p, styles.targetSpot)
      ]);
    }
    return L.polygon(sol.g.map(function (rings) {
      return rings.map(function (ring) {
        return ring.map(function (xy) { return [xy[1], xy[0]]; });
      });
    }), styles.target);
  }

  function describe(pos, latlng) {
    pos.textContent = "Cross-hair: " + Math.abs(latlng.lat).toFixed(2) + "\u00b0" +
      (latlng.lat >= 0 ? "N" : "S") + ", " + Math.abs(latlng.lng).toFixed(2) + "\u00b0" +
      (latlng.lng >= 0 ? "E" : "W") + ". Press Enter to answer here.";
  }

  /* Arrow keys move a cross-hair (10 px, Shift 2 px); Enter answers where it is. */
  function keyboard(L, map, mapEl, pos, answer) {
    var cross = L.marker(map.getCenter(), {
      interactive: false, keyboard: false,
      icon: L.divIcon({ className: "ck-crosshair", iconSize: [30, 30] })
    });
    function show() {
      if (!map.hasLayer(cross)) { cross.setLatLng(map.getCenter()).addTo(map); }
      describe(pos, cross.getLatLng());
    }
    mapEl.addEventListener("focus", show);
    mapEl.addEventListener("keydown", function (event) {
      var step = event.shiftKey ? 2 : 10;
      var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      if (moves[event.key]) {
        event.preventDefault();
        show();
        var pt = map.latLngToContainerPoint(cross.getLatLng()).add(moves[event.key]);
        var size = map.getSize();
        pt = L.point(Math.max(0, Math.min(size.x, pt.x)), Math.max(0, Math.min(size.y, pt.y)));
        cross.setLatLng(map.containerPointToLatLng(pt));
        describe(pos, cross.getLatLng());
      } else if (event.key === "Enter") {
        event.preventDefault();
        show();
        answer(cross.getLatLng());
      }
    });
  }

  /* Leaflet for every locate question of the page, once: already there (inlined), or the
   * files the page names in script.ck-leaflet-files (linked), loaded on first need. */
  var leafletWaiting = null;
  function withLeaflet(done) {
    if (window.L) { done(window.L); return; }
    var list = document.querySelector("script.ck-leaflet-files");
    if (!list) { done(null); return; }
    if (!leafletWaiting) {
      leafletWaiting = [];
      JSON.parse(list.textContent).forEach(function (file) {
        var tag;
        if (file[0] === "css") {
          tag = document.createElement("link");
          tag.rel = "stylesheet";
          tag.href = file[1];
        } else {
          tag = document.createElement("script");
          tag.src = file[1];
          tag.async = false;
          tag.onload = tag.onerror = function () {
            var waiting = leafletWaiting;
            leafletWaiting = [];
            waiting.forEach(function (fn) { fn(window.L || null); });
          };
        }
        document.head.appendChild(tag);
      });
    }
    leafletWaiting.push(done);
  }

  /* Call start once the map comes near the screen or takes the keyboard's focus. */
  function whenNeeded(mapEl, start) {
    var started = false;
    function go() { if (!started) { started = true; start(); } }
    mapEl.addEventListener("focus", go, { once: true });
    if (!("IntersectionObserver" in window)) { go(); return; }
    var watcher = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        watcher.disconnect();
        go();
      }
    }, { rootMargin: "300px 0px" });
    watcher.observe(mapEl);
  }

  /* Question el; check() grades the point given and returns the result. The map is drawn
   * when it is needed (whenNeeded); a saved answer given before then is drawn with it. */
  function setup(el, sol, check) {
    var box = el.querySelector(".ck-locate");
    var mapEl = box.querySelector(".ck-locate-map");
    var state = el.ckLocate = { point: null, answered: false, saved: null };
    state.restore = function (point) {  // before the map: graded by quiz.js, drawn later
      state.point = point;
      state.answered = true;
      state.saved = point;
    };
    el.querySelector("button.ck-retry").addEventListener("click", function () {
      state.point = null;
      state.answered = false;
      state.saved = null;
    });
    whenNeeded(mapEl, function () {
      withLeaflet(function (L) { draw(el, box, mapEl, sol, check, L); });
    });
  }

  function draw(el, box, mapEl, sol, check, L) {
    var pos = box.querySelector(".ck-locate-pos");
    var data = JSON.parse(box.querySelector("script.ck-locate-data").textContent);
    var state = el.ckLocate;
    if (!L) {
      pos.textContent = "The map could not be drawn (Leaflet is missing).";
      return;
    }
    var map = mapEl.ckMap = baseMap(L, mapEl, data);
    var shown = L.layerGroup().addTo(map);

    function mark(point) {  // "your point"
      shown.clearLayers();
      shown.addLayer(L.circleMarker([point.lat, point.lon], data.styles.yours));
      shown.addLayer(tag(L, [point.lat, point.lon], data.yourLabel, "bottom"));
    }
    function reveal(point) {  // the target, named, in view with the point
      var layer = targetLayer(L, sol, data.styles);
      shown.addLayer(layer);
      shown.addLayer(tag(L, layer.getBounds().getCenter(), data.targetLabel + sol.n, "top"));
      var bounds = layer.getBounds().extend([point.lat, point.lon]);
      if (!map.getBounds().contains(bounds)) { map.fitBounds(bounds.pad(0.2)); }
    }
    function answer(latlng) {
      if (state.answered) { return; }
      latlng = latlng.wrap();
      state.point = { lat: latlng.lat, lon: latlng.lng };
      mark(state.point);
      var result = check();
      if (result && result.valid) {
        state.answered = true;
        reveal(state.point);
      }
    }
    state.restore = function (point) {  // a saved answer: drawn here, graded by quiz.js
      state.point = point;
      state.answered = true;
      mark(point);
      reveal(point);
    };
    if (state.saved) { state.restore(state.saved); }
    map.on("click", function (event) { answer(event.latlng); });
    keyboard(L, map, mapEl, pos, answer);
    if (document.activeElement === mapEl) { mapEl.dispatchEvent(new Event("focus")); }
    el.querySelector("button.ck-retry").addEventListener("click", function () {
      shown.clearLayers();
    });
  }

  Q.register("locate", {
    read: function (el) { return el.ckLocate ? el.ckLocate.point : null; },
    write: function (el, point) {
      if (!point || !number(point.lat) || !number(point.lon) || !el.ckLocate) {
        throw new Error("not a point");
      }
      el.ckLocate.restore(point);
    },
    grade: grade,
    setup: setup
  });
})();
