#!/usr/bin/env node
// Validates rendered Kubernetes manifests without a cluster:
//   kubectl kustomize k8s/overlays/production | node k8s/validate/validate.mjs --name production
// (or file paths instead of standard input). Every object is checked against its schema: Kubernetes'
// own kinds through the kubernetes-models package, the operators' kinds against the OpenAPI schemas of
// their published CRDs in k8s/schemas; a kind known to neither is an error. Then the invariants the
// hub's deployment keeps (see checkInvariants). Prints a line per object and per violation, and exits
// 1 when there is any violation.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const schemasRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "schemas");

// ------------------------------------------------------------------------------------ schemas ---

async function schemaProblems(object) {
  if (typeof object?.apiVersion !== "string" || typeof object?.kind !== "string") {
    return ["has no apiVersion or kind"];
  }

  const problems = typeof object.metadata?.name === "string" ? [] : ["has no metadata.name"];
  const crd = crdValidator(object.apiVersion, object.kind);
  if (crd) {
    return crd(object) ? problems : [...problems, ...crd.errors.map(describe)];
  }

  const model = await kubernetesModel(object.apiVersion, object.kind);
  if (!model) {
    return [...problems, `unknown kind ${object.kind} of ${object.apiVersion}: neither a Kubernetes kind nor one with a schema in k8s/schemas`];
  }

  try {
    new model(object).validate();
    return problems;
  } catch (error) {
    if (!Array.isArray(error.errors)) {
      throw error;
    }

    return [...problems, ...error.errors.map(describe)];
  }
}

function describe(error) {
  const where = error.instancePath || "/";
  const extra = error.keyword === "additionalProperties" ? ` (${error.params.additionalProperty})`
    : error.keyword === "enum" ? ` (${error.params.allowedValues.join(", ")})`
    : "";
  return `schema: ${where} ${error.message}${extra}`;
}

/** Kubernetes' own kinds: kubernetes-models/<apiVersion> exports a class per kind, or there is none. */
async function kubernetesModel(apiVersion, kind) {
  try {
    const module = await import(`kubernetes-models/${apiVersion}`);
    return typeof module[kind] === "function" ? module[kind] : null;
  } catch (error) {
    if (error.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || error.code === "ERR_MODULE_NOT_FOUND") {
      return null;
    }

    throw error;
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat("int32", { type: "number", validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat("int64", { type: "number", validate: Number.isInteger });
ajv.addFormat("date-time", (s) => !Number.isNaN(Date.parse(s)));
const crdValidators = new Map();

/** The operators' kinds: k8s/schemas/<group>/<kind>_<version>.json, compiled once; null when there is none. */
function crdValidator(apiVersion, kind) {
  const [group, version] = apiVersion.split("/");
  if (!version) {
    return null;
  }

  const file = join(schemasRoot, group, `${kind.toLowerCase()}_${version}.json`);
  if (!crdValidators.has(file)) {
    crdValidators.set(file, existsSync(file) ? ajv.compile(closed(JSON.parse(readFileSync(file, "utf8")))) : null);
  }

  return crdValidators.get(file);
}

/**
 * The API server refuses a field a structural CRD schema does not declare (kubectl's strict field
 * validation) or, with validation off, drops it without a word. So every object schema that lists its
 * properties and does not keep unknown fields is closed here: a misspelt field is found without a cluster.
 */
function closed(schema) {
  if (Array.isArray(schema)) {
    return schema.map(closed);
  }

  if (schema === null || typeof schema !== "object") {
    return schema;
  }

  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  if (copy.properties && copy.additionalProperties === undefined && !copy["x-kubernetes-preserve-unknown-fields"]) {
    copy.additionalProperties = false;
  }

  return copy;
}

// --------------------------------------------------------------------------------- invariants ---

const podTemplates = {
  Deployment: (o) => o.spec?.template?.spec,
  StatefulSet: (o) => o.spec?.template?.spec,
  DaemonSet: (o) => o.spec?.template?.spec,
  Job: (o) => o.spec?.template?.spec,
  CronJob: (o) => o.spec?.jobTemplate?.spec?.template?.spec,
  Pod: (o) => o.spec,
};

/** A run to completion has no liveness or readiness to probe. */
const runsToCompletion = new Set(["Job", "CronJob"]);

/** Where the operators' kinds name the image they run, when they name one. */
const operatorImages = {
  RabbitmqCluster: (o) => o.spec?.image,
  Cluster: (o) => o.spec?.imageName,
};

/**
 * The README's deploy steps apply one step at a time, by this label (kubectl apply -l): an object
 * without it would never be applied, and the Job must run before the Deployments that need its schema.
 */
const deployStep = "care-leaver-hub/deploy-step";
const stepOfKind = { Job: "migration", Deployment: "apps" };

function checkInvariants(object, all) {
  const problems = [];
  const step = object?.metadata?.labels?.[deployStep];
  if (!["engines", "migration", "apps"].includes(step)) {
    problems.push(`label ${deployStep} is not engines, migration or apps: no deploy step would apply it`);
  } else if (stepOfKind[object.kind] && stepOfKind[object.kind] !== step) {
    problems.push(`label ${deployStep} is ${step}: a ${object.kind} belongs to the step ${stepOfKind[object.kind]}`);
  }

  if (object?.kind === "Secret" && (object.data || object.stringData)) {
    problems.push("a Secret with data or stringData: secret values are never committed; create the Secret outside the repository");
  }

  if (object?.kind === "ServiceAccount" && object.automountServiceAccountToken !== false) {
    problems.push("automountServiceAccountToken is not false: no workload here calls the Kubernetes API");
  }

  const operatorImage = operatorImages[object?.kind]?.(object);
  if (operatorImage !== undefined) {
    problems.push(...imageProblems(operatorImage, "spec"));
  }

  const podSpec = podTemplates[object?.kind]?.(object);
  if (podSpec) {
    problems.push(...podProblems(object.kind, podSpec));
  }

  if (object?.kind === "Deployment") {
    problems.push(...deploymentProblems(object, podSpec ?? {}, all));
  }

  return problems;
}

function podProblems(kind, pod) {
  const problems = [];
  const podSecurity = pod.securityContext ?? {};
  if (!["RuntimeDefault", "Localhost"].includes(podSecurity.seccompProfile?.type)) {
    problems.push("pod securityContext.seccompProfile is not RuntimeDefault");
  }

  const containers = [
    ...(pod.containers ?? []).map((c) => ({ container: c, probed: !runsToCompletion.has(kind) })),
    ...(pod.initContainers ?? []).map((c) => ({ container: c, probed: false })),
  ];
  for (const { container, probed } of containers) {
    const at = `container ${container.name}`;
    const security = container.securityContext ?? {};
    if (probed && !container.livenessProbe) {
      problems.push(`${at} has no livenessProbe`);
    }

    if (probed && !container.readinessProbe) {
      problems.push(`${at} has no readinessProbe`);
    }

    for (const bound of ["requests", "limits"]) {
      for (const resource of ["cpu", "memory"]) {
        if (container.resources?.[bound]?.[resource] === undefined) {
          problems.push(`${at} has no resources.${bound}.${resource}`);
        }
      }
    }

    if ((security.runAsNonRoot ?? podSecurity.runAsNonRoot) !== true) {
      problems.push(`${at} may run as root: runAsNonRoot is not true`);
    }

    if (security.readOnlyRootFilesystem !== true) {
      problems.push(`${at} has a writable root filesystem: readOnlyRootFilesystem is not true`);
    }

    if (security.allowPrivilegeEscalation !== false) {
      problems.push(`${at} may escalate privileges: allowPrivilegeEscalation is not false`);
    }

    if (!(security.capabilities?.drop ?? []).includes("ALL")) {
      problems.push(`${at} keeps capabilities: capabilities.drop does not list ALL`);
    }

    problems.push(...imageProblems(container.image, at));
  }

  return problems;
}

/**
 * A pinned image names a version (its tag starts with a digit, or v and a digit) or a digest. latest,
 * no tag, or a word (the base's placeholder, a branch name) may change under the same name.
 */
function imageProblems(image, at) {
  if (typeof image !== "string" || image === "") {
    return [`${at} names no image`];
  }

  if (/@sha256:[0-9a-f]{64}$/.test(image)) {
    return [];
  }

  const lastPart = image.slice(image.lastIndexOf("/") + 1);
  const tag = lastPart.includes(":") ? lastPart.slice(lastPart.indexOf(":") + 1) : null;
  if (tag === null) {
    return [`${at} image ${image} has no tag: pin a version`];
  }

  if (tag === "latest") {
    return [`${at} image ${image} is tagged latest: pin a version`];
  }

  return /^v?\d/.test(tag) ? [] : [`${at} image ${image} has tag "${tag}", which names no version: pin one`];
}

function deploymentProblems(deployment, pod, all) {
  const problems = [];
  const podLabels = deployment.spec?.template?.metadata?.labels ?? {};
  const namespace = deployment.metadata?.namespace;
  const budgets = all.filter((o) => o?.kind === "PodDisruptionBudget" && o.metadata?.namespace === namespace
    && selects(o.spec?.selector, podLabels));
  if (budgets.length === 0) {
    problems.push("no PodDisruptionBudget selects its pods");
  }

  const spreadKeys = (pod.topologySpreadConstraints ?? [])
    .filter((c) => selects(c.labelSelector, podLabels))
    .map((c) => c.topologyKey);
  for (const key of ["kubernetes.io/hostname", "topology.kubernetes.io/zone"]) {
    if (!spreadKeys.includes(key)) {
      problems.push(`no topologySpreadConstraint over ${key} selects its pods`);
    }
  }

  return problems;
}

/** Whether a label selector selects pods with these labels, as Kubernetes reads it: none when absent, every pod when empty. */
function selects(selector, labels) {
  if (!selector) {
    return false;
  }

  const matchLabels = Object.entries(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  return matchLabels.every(([key, value]) => labels[key] === value)
    && expressions.every(({ key, operator, values = [] }) => {
      switch (operator) {
        case "In": return values.includes(labels[key]);
        case "NotIn": return !values.includes(labels[key]);
        case "Exists": return key in labels;
        case "DoesNotExist": return !(key in labels);
        default: return false;
      }
    });
}

// ------------------------------------------------------------------------------------ the run ---

const args = process.argv.slice(2);
const nameAt = args.indexOf("--name");
const label = nameAt >= 0 ? args.splice(nameAt, 2)[1] : "manifests";
const sources = args.length > 0 ? args.map((file) => readFileSync(file, "utf8")) : [readFileSync(0, "utf8")];

const objects = [];
const sourceProblems = [];
for (const source of sources) {
  for (const doc of parseAllDocuments(source)) {
    if (doc.errors.length > 0) {
      sourceProblems.push(`YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
    } else if (doc.contents !== null) {
      objects.push(doc.toJS());
    }
  }
}

if (objects.length === 0) {
  sourceProblems.push("no objects: nothing was rendered");
}

for (const problem of sourceProblems) {
  console.log(`${label}: FAIL ${problem}`);
}

let violations = sourceProblems.length;
for (const object of objects) {
  const id = `${object?.kind ?? "(no kind)"}/${object?.metadata?.name ?? "(no name)"}`;
  const problems = [...(await schemaProblems(object)), ...checkInvariants(object, objects)];
  console.log(`${label}: ${problems.length === 0 ? "ok  " : "FAIL"} ${id}`);
  for (const problem of problems) {
    console.log(`${label}:      ${id}: ${problem}`);
  }

  violations += problems.length;
}

console.log(`${label}: ${objects.length} objects, ${violations} violations`);
process.exitCode = violations === 0 ? 0 : 1;
