// The directory's map: the same results as the list beside it, placed on a Leaflet map. Without
// JavaScript (or without a tile server) the list alone carries everything.
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
  const bounds = [];
  for (const point of points) {
    const marker = L.marker([point.latitude, point.longitude], { alt: point.name, title: point.name, keyboard: true });
    const link = document.createElement("a");
    link.href = element.dataset.serviceUrl.replace("00000000-0000-0000-0000-000000000000", point.service_id);
    link.textContent = point.name;
    link.className = "govuk-link";
    marker.bindPopup(link).addTo(map);
    bounds.push([point.latitude, point.longitude]);
  }
  map.fitBounds(bounds, { maxZoom: 15, padding: [20, 20] });
})();
