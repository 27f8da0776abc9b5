#!/usr/bin/env node
// Writes the OpenAPI v3 schema of each version of the CustomResourceDefinitions read from stdin
// (one or more CRD documents, as published by an operator) to
// k8s/schemas/<group>/<kind lower case>_<version>.json, exactly as published (apart from
// key order), so the validator checks our objects against what the operator's API server accepts.
//   git show v2.22.3:config/crd/bases/rabbitmq.com_rabbitmqclusters.yaml | node extract-schemas.mjs
// k8s/schemas/README.md lists the sources and releases the committed files came from.
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const schemasRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "schemas");

for (const doc of parseAllDocuments(readFileSync(0, "utf8"))) {
  const crd = doc.toJS();
  if (crd?.kind !== "CustomResourceDefinition") {
    continue;
  }

  const { group, names, versions } = crd.spec;
  for (const version of versions) {
    const file = join(schemasRoot, group, `${names.kind.toLowerCase()}_${version.name}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(version.schema.openAPIV3Schema, null, 2) + "\n");
    console.log(`${group}/${version.name} ${names.kind} -> ${file}`);
  }
}
