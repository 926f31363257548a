/**
 * Runtime check of a response against the SDK's own model declarations
 * (`index.d.ts` of purecloud-platform-client-v2). The TypeScript types only
 * say what a client may read; they cannot catch a field the simulator invents,
 * a number sent as a string, a `null` where Genesys omits the field, or a
 * participant `attributes` map leaking into a model that has none. Walking the
 * JSON against the declared interfaces catches all of those, at every depth.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface Field {
  readonly type: string;
  readonly required: boolean;
}

type Model = ReadonlyMap<string, Field>;

let models: ReadonlyMap<string, Model> | undefined;

/** `export interface Name {` … `}` blocks of the SDK's `Models` namespace, one `"field"?: Type;` per line. */
function loadModels(): ReadonlyMap<string, Model> {
  if (models) return models;
  const packageJson = createRequire(import.meta.url).resolve('purecloud-platform-client-v2/package.json');
  const text = readFileSync(join(dirname(packageJson), 'index.d.ts'), 'utf8');
  const namespace = text.slice(text.indexOf('declare namespace Models {'));
  const found = new Map<string, Model>();
  for (const block of namespace.matchAll(/export interface (\w+) \{\s*\n([\s\S]*?)\n\t\}/g)) {
    const fields = new Map<string, Field>();
    for (const line of (block[2] ?? '').split('\n')) {
      const field = /^\t\t"(\w+)"(\??): (.*);$/.exec(line);
      if (field) fields.set(field[1] ?? '', { type: field[3] ?? '', required: field[2] !== '?' });
    }
    found.set(block[1] ?? '', fields);
  }
  models = found;
  return found;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function checkType(value: unknown, type: string, path: string, problems: string[]): void {
  if (problems.length >= 20) return;
  const array = /^Array<(.*)>$/.exec(type);
  const map = /^(?:\{ \[key: string\]: (.*); \}|Record<string, (.*)>)$/.exec(type);
  const model = /^Models\.(\w+)$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) problems.push(`${path}: expected an array, got ${kindOf(value)}`);
    else value.forEach((item, i) => checkType(item, array[1] ?? '', `${path}[${i}]`, problems));
  } else if (map) {
    if (kindOf(value) !== 'object') problems.push(`${path}: expected an object, got ${kindOf(value)}`);
    else
      for (const [k, v] of Object.entries(value as object))
        checkType(v, map[1] ?? map[2] ?? '', `${path}.${k}`, problems);
  } else if (model) {
    checkSdkModel(value, model[1] ?? '', path, problems);
  } else if (type === 'object') {
    if (kindOf(value) !== 'object') problems.push(`${path}: expected an object, got ${kindOf(value)}`);
  } else if (['string', 'number', 'boolean'].includes(type)) {
    if (typeof value !== type) problems.push(`${path}: expected a ${type}, got ${kindOf(value)}`);
  } else {
    problems.push(`${path}: the checker does not understand the SDK type '${type}'`);
  }
}

/**
 * Appends to `problems` every way `value` differs from `Models.<modelName>`:
 * unknown fields, wrong JSON types (null included) and missing required fields.
 */
export function checkSdkModel(value: unknown, modelName: string, path: string, problems: string[]): void {
  const model = loadModels().get(modelName);
  if (!model) {
    problems.push(`${path}: Models.${modelName} is not declared by the SDK`);
    return;
  }
  if (kindOf(value) !== 'object') {
    problems.push(`${path}: expected Models.${modelName}, got ${kindOf(value)}`);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [key, field] of model) {
    if (field.required && !(key in record)) problems.push(`${path}.${key}: required by Models.${modelName}, missing`);
  }
  for (const [key, item] of Object.entries(record)) {
    const field = model.get(key);
    if (!field) problems.push(`${path}.${key}: not a field of Models.${modelName}`);
    else checkType(item, field.type, `${path}.${key}`, problems);
  }
}

/** The problems of one response (empty when it matches the SDK model exactly). */
export function sdkModelProblems(value: unknown, modelName: string): string[] {
  const problems: string[] = [];
  checkSdkModel(value, modelName, modelName, problems);
  return problems;
}
