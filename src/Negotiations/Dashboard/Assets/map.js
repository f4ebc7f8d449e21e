// The dashboard's map: the Natural Earth borders (world-atlas, embedded), and the zones as drawn, the incidents and
// the places of other developments on the page's time axes (/api/zones, /api/incidents and /api/places with asOf=
// and knownAt=, or toSequence= as of a release), drawn with Leaflet. Nothing comes from outside.
(() => {
  "use strict";

  let map = null;
  // The borders, read and converted once: a redraw (the time controls, a live refresh) only fetches what moves.
  let countries = null;
  // One colour per incident kind (incident-kind in the codebook), the legend's.
  const kindColours = { "air-strike": "#c5221f", shelling: "#e37400", clash: "#8e24aa", raid: "#1e8e3e", arrest: "#3949ab", other: "#5f6368" };
  const kindWords = (kind) => String(kind || "").replace(/-/g, " ");
  const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  async function json(url) {
    const response = await fetch(url, { headers: { Accept: "application/geo+json, application/json" } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  }

  async function draw() {
    const element = document.getElementById("map");
    const status = document.getElementById("map-status");
    const list = document.getElementById("map-features");
    if (!element || !window.L || !window.topojson) return;
    if (map) { map.remove(); map = null; }
    delete element.dataset.drawn;
    // The time axes as the page read them; as of a release, through its last event (release= names it in the address).
    const time = new URLSearchParams();
    for (const name of ["asOf", "knownAt", "toSequence"]) if (element.dataset[name]) time.set(name, element.dataset[name]);

    map = L.map(element, { zoomSnap: 0.5 }).setView([33, 36.5], 7);
    map.attributionControl.addAttribution("Borders: Natural Earth (world-atlas)");
    try {
      const [world, zones, incidents, places] = await Promise.all([
        countries ? null : json("/dashboard/countries-110m.json"), json("/api/zones?" + time), json("/api/incidents?" + time), json("/api/places?" + time)]);
      countries ??= topojson.feature(world, world.objects.countries);
      L.geoJSON(countries, { interactive: false, style: { className: "map-country", color: "#8a8f98", weight: 1, fillColor: "#eef0f2", fillOpacity: 1 } }).addTo(map);
      const zoneLayer = L.geoJSON(zones, {
        // A site (a crossing, a cantonment site) is a point: a circle styled like the zones, not Leaflet's image pin.
        pointToLayer: (f, at) => L.circleMarker(at, { radius: 8, className: "map-zone map-site" + (f.properties.violationCount > 0 ? " map-zone-violated" : "") }),
        style: (f) => ({ className: "map-zone" + (f.properties.violationCount > 0 ? " map-zone-violated" : ""), color: f.properties.violationCount > 0 ? "#b3261e" : "#1558b0", weight: 2, fillOpacity: 0.12 }),
        onEachFeature: (f, layer) => layer.bindTooltip(`${f.properties.name} (${kindWords(f.properties.kind)}; ${f.properties.precision} precision)`)
      }).addTo(map);
      // Under the incidents, which often lie in the province a place names.
      const placeLayer = L.geoJSON(places, {
        pointToLayer: (f, at) => L.circleMarker(at, { radius: 6, className: "map-place" }),
        style: () => ({ className: "map-place", color: "#3c4043", weight: 1.5, dashArray: "4 3", fillColor: "#ffffff", fillOpacity: 0.5 }),
        onEachFeature: (f, layer) => layer.bindTooltip(placeText(f))
      }).addTo(map);
      const incidentLayer = L.geoJSON(incidents, {
        pointToLayer: (f, at) => L.circleMarker(at, { radius: 7, className: "map-incident map-incident-" + f.properties.kind }),
        style: (f) => ({ className: "map-incident map-incident-" + f.properties.kind, color: "#202124", weight: 1.5, fillColor: kindColours[f.properties.kind] || "#5f6368", fillOpacity: 0.85 }),
        onEachFeature: (f, layer) => layer.bindTooltip(`${kindWords(f.properties.kind)}: ${placeText(f)}`)
      }).addTo(map);
      const bounds = zoneLayer.getBounds().extend(incidentLayer.getBounds()).extend(placeLayer.getBounds());
      if (bounds.isValid()) map.fitBounds(bounds.pad(0.2), { maxZoom: 9 });

      list.replaceChildren(
        ...zones.features.map((f) => item(`Zone: ${f.properties.name} (${kindWords(f.properties.kind)}, ${f.properties.precision} precision)`)),
        ...incidents.features.map((f) => item(`Incident, ${kindWords(f.properties.kind)}: ${placeText(f)}`)),
        ...places.features.map((f) => item(placeText(f))));
      status.textContent = `${count(zones.features.length, "zone", "zones")}, ${count(incidents.features.length, "incident", "incidents")} and ` +
        `${count(places.features.length, "place of another development", "places of other developments")} on the map` +
        (incidents.truncated || places.truncated ? " (more matched: narrow the dates)" : "") + ".";
      Object.assign(element.dataset, {
        zones: zones.features.length, incidents: incidents.features.length, places: places.features.length, countries: countries.features.length, drawn: "true"
      });
    } catch (error) {
      status.textContent = "The map could not be drawn: " + error.message;
    }
  }

  // What a feature is and where, as its source places it: an incident's or another development's summary.
  function placeText(f) {
    return `${f.properties.summary} (${f.properties.placeName || "place"}, ${f.properties.precision} precision)`;
  }

  function item(text) {
    const li = document.createElement("li");
    li.textContent = text;
    return li;
  }

  // The time controls move the page without a reload (dashboard.js); the map follows them.
  document.addEventListener("dashboard:refreshed", draw);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
