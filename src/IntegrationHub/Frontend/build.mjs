// Builds ../wwwroot/lib/govuk from GOV.UK Frontend: the hub's stylesheet (Sass, with the hub's
// settings) and GOV.UK Frontend's script. The crown's images are GOV.UK's own, so none are copied. The output is
// committed, so running the hub needs no Node.js; scripts/build-assets.sh runs this after npm ci.
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as sass from "sass";

const here = path.dirname(fileURLToPath(import.meta.url));
const govuk = path.join(here, "node_modules", "govuk-frontend", "dist", "govuk");
const out = path.join(here, "..", "wwwroot", "lib", "govuk");

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const css = sass.compile(path.join(here, "hub.scss"), {
  style: "compressed",
  importers: [new sass.NodePackageImporter()],
});
await writeFile(path.join(out, "hub.min.css"), css.css);
await cp(path.join(govuk, "govuk-frontend.min.js"), path.join(out, "govuk-frontend.min.js"));
console.log(`GOV.UK Frontend built into ${path.relative(process.cwd(), out)}`);
