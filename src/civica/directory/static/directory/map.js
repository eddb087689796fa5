// The directory's map: the same results as the list beside it, placed on a Leaflet map. Without
// JavaScript (or without a tile server) the list alone carries everything.
//
// Services that sit at the same place, or so close that their markers would overlap at the current
// zoom, share one marker whose popup lists them all: overlapping markers are too small a target to
// click or tap (WCAG 2.5.8), and one of them would hide the others.
(function () {
  const element = document.getElementById("directory-map");
  const data = document.getElementById("directory-points");
  if (!element || !data || typeof L === "undefined") return;
  const points = JSON.parse(data.textContent);
  if (!points.length) return;
  element.hidden = false;
  const map = L.map(element, { scrollWheelZoom: false });
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 18 }).addTo(map);
  }
  const layer = L.layerGroup().addTo(map);
  const GRID = 48; // pixels: a marker is 25 × 41, so markers further apart than this do not overlap

  function popup(group) {
    const list = document.createElement("ul");
    list.className = "govuk-list";
    for (const point of group) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = element.dataset.serviceUrl.replace("00000000-0000-0000-0000-000000000000", point.service_id);
      link.textContent = point.name;
      link.className = "govuk-link";
      item.appendChild(link);
      list.appendChild(item);
    }
    return list;
  }

  function draw() {
    layer.clearLayers();
    const groups = new Map();
    for (const point of points) {
      const pixel = map.project([point.latitude, point.longitude], map.getZoom());
      const key = Math.round(pixel.x / GRID) + ":" + Math.round(pixel.y / GRID);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(point);
    }
    for (const group of groups.values()) {
      const label = group.map((point) => point.name).join(", ");
      const marker = L.marker([group[0].latitude, group[0].longitude], { alt: label, title: label, keyboard: true });
      marker.bindPopup(popup(group)).addTo(layer);
    }
  }

  map.fitBounds(points.map((point) => [point.latitude, point.longitude]), { maxZoom: 15, padding: [30, 30] });
  draw();
  map.on("zoomend", draw);
})();
