// Builds Civica's front-end assets from the packages npm installed: the design system's styles
// compiled with our settings (system fonts, no crown or brand assets), its JavaScript, and htmx.
// Output goes to src/civica/web/static/civica/, which git ignores: it is always built, never copied by hand.
import { mkdirSync, copyFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, "src/civica/web/static/civica");
mkdirSync(join(out, "vendor"), { recursive: true });

const result = sass.compile(join(root, "src/civica/web/static_src/civica.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "civica.css"), result.css);

copyFileSync(join(root, "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js"), join(out, "vendor/govuk-frontend.min.js"));
copyFileSync(join(root, "node_modules/htmx.org/dist/htmx.min.js"), join(out, "vendor/htmx.min.js"));
// Leaflet for the service directory's map: its script, stylesheet and marker images.
mkdirSync(join(out, "vendor/leaflet/images"), { recursive: true });
// The source map too: leaflet.js names it, and the manifest storage of collectstatic refuses a missing reference.
for (const file of ["leaflet.js", "leaflet.js.map", "leaflet.css"]) {
  copyFileSync(join(root, "node_modules/leaflet/dist", file), join(out, "vendor/leaflet", file));
}
for (const image of ["marker-icon.png", "marker-icon-2x.png", "marker-shadow.png", "layers.png", "layers-2x.png"]) {
  copyFileSync(join(root, "node_modules/leaflet/dist/images", image), join(out, "vendor/leaflet/images", image));
}
console.log(`assets built in ${out}`);
