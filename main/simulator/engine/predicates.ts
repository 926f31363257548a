/**
 * The filter model every analytics query shares (fact sheet §4.1, §6.1, §9):
 * a filter is {type and|or, clauses[], predicates[]}, a clause is {type,
 * predicates[]}, a predicate tests one dimension, metric or property with
 * `matches` (a value or a numeric range), `exists` or `notExists`. Filters in
 * an array are ANDed. A filter is validated and compiled once per query into a
 * plain function, so evaluating it over a day of conversations is cheap.
 */
import { DATE_DIMENSIONS, type DimensionReader } from './dimensions';
import { FILTER_TYPES, OPERATORS, PREDICATE_TYPES, PROPERTY_TYPES } from './vocabulary';
import {
  badRequest,
  checkEnum,
  optionalArray,
  optionalEnum,
  optionalNumber,
  optionalString,
  rejectUnknownFields,
  requireRecord,
  requireString,
} from './validation';

export type Matcher<T> = (item: T) => boolean;

/** What one filter family (conversation, segment, aggregate, observation) allows and how it reads values. */
export interface PredicateFamily<T> {
  readonly dimensions: ReadonlySet<string>;
  readonly readDimension: (name: string) => DimensionReader<T>;
  /** Absent when the family has no metric predicates. */
  readonly metrics?: ReadonlySet<string>;
  readonly readMetric?: (name: string) => (item: T) => readonly number[];
  /** Absent when the family has no property predicates (only segment filters have them). */
  readonly readProperty?: (name: string, propertyType: string | undefined) => (item: T) => readonly string[];
}

interface Range {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

function parseRange(value: unknown, path: string): Range | undefined {
  if (value === undefined || value === null) return undefined;
  const record = requireRecord(value, path);
  rejectUnknownFields(record, ['gt', 'gte', 'lt', 'lte'], path);
  const range: Range = {
    gt: optionalNumber(record, 'gt', `${path}.gt`),
    gte: optionalNumber(record, 'gte', `${path}.gte`),
    lt: optionalNumber(record, 'lt', `${path}.lt`),
    lte: optionalNumber(record, 'lte', `${path}.lte`),
  };
  if (Object.values(range).every((bound) => bound === undefined)) {
    throw badRequest(`${path} needs at least one of gt, gte, lt, lte`);
  }
  return range;
}

function inRange(n: number, range: Range): boolean {
  if (Number.isNaN(n)) return false;
  return (
    (range.gt === undefined || n > range.gt) &&
    (range.gte === undefined || n >= range.gte) &&
    (range.lt === undefined || n < range.lt) &&
    (range.lte === undefined || n <= range.lte)
  );
}

/** Numbers compare as numbers; instants (date dimensions) as epoch milliseconds. */
function asNumber(text: string): number {
  const n = Number(text);
  return Number.isFinite(n) ? n : Date.parse(text);
}

function textMatcher(expected: string, asInstant: boolean): (actual: string) => boolean {
  if (!asInstant) return (actual) => actual === expected;
  const expectedMs = Date.parse(expected);
  return (actual) => actual === expected || (!Number.isNaN(expectedMs) && Date.parse(actual) === expectedMs);
}

function numericMatcher<T>(
  read: (item: T) => readonly number[],
  operator: string,
  range: Range | undefined,
  expected: number | undefined,
): Matcher<T> {
  if (operator === 'exists') return (item) => read(item).length > 0;
  if (operator === 'notExists') return (item) => read(item).length === 0;
  if (range) return (item) => read(item).some((n) => inRange(n, range));
  return (item) => read(item).includes(expected ?? Number.NaN);
}

function compilePredicate<T>(raw: unknown, path: string, family: PredicateFamily<T>): Matcher<T> {
  const predicate = requireRecord(raw, path);
  const fields = ['type', 'dimension', 'metric', 'operator', 'value', 'range'];
  if (family.readProperty) fields.push('property', 'propertyType');
  rejectUnknownFields(predicate, fields, path);

  const declared = optionalEnum(predicate, 'type', PREDICATE_TYPES, `${path}.type`);
  // The SDK marks `type` as "usually inferred": infer it from which name is present.
  const type =
    declared ??
    (predicate.metric !== undefined ? 'metric' : predicate.property !== undefined ? 'property' : 'dimension');
  const operator = optionalEnum(predicate, 'operator', OPERATORS, `${path}.operator`) ?? 'matches';
  const value = optionalString(predicate, 'value', `${path}.value`);
  const range = parseRange(predicate.range, `${path}.range`);
  if (operator === 'matches') {
    if (value === undefined && range === undefined) {
      throw badRequest(`${path} uses operator 'matches' and needs a value or a range`);
    }
    if (value !== undefined && range !== undefined) {
      throw badRequest(`${path} may have a value or a range, not both`);
    }
  }

  if (type === 'metric') {
    const readMetric = family.readMetric;
    if (!family.metrics || !readMetric) throw badRequest(`${path}.type 'metric' is not supported by this filter`);
    const metric = checkEnum(requireString(predicate, 'metric', `${path}.metric`), family.metrics, `${path}.metric`);
    const expected = value === undefined ? undefined : Number(value);
    if (operator === 'matches' && expected !== undefined && !Number.isFinite(expected)) {
      throw badRequest(`${path}.value must be a number for metric ${metric}`);
    }
    return numericMatcher(readMetric(metric), operator, range, expected);
  }

  let read: (item: T) => readonly string[];
  let asInstant: boolean;
  if (type === 'property') {
    if (!family.readProperty) throw badRequest(`${path}.type 'property' is not supported by this filter`);
    const property = requireString(predicate, 'property', `${path}.property`);
    const propertyType = optionalEnum(predicate, 'propertyType', PROPERTY_TYPES, `${path}.propertyType`);
    read = family.readProperty(property, propertyType);
    asInstant = propertyType === 'date';
  } else {
    const dimension = checkEnum(
      requireString(predicate, 'dimension', `${path}.dimension`),
      family.dimensions,
      `${path}.dimension`,
    );
    read = family.readDimension(dimension);
    asInstant = DATE_DIMENSIONS.has(dimension);
  }

  if (operator === 'exists') return (item) => read(item).length > 0;
  if (operator === 'notExists') return (item) => read(item).length === 0;
  if (range) return (item) => read(item).some((text) => inRange(asNumber(text), range));
  const matches = textMatcher(value ?? '', asInstant);
  return (item) => read(item).some(matches);
}

function combine<T>(type: string, parts: Matcher<T>[]): Matcher<T> {
  return type === 'and' ? (item) => parts.every((m) => m(item)) : (item) => parts.some((m) => m(item));
}

function compilePredicates<T>(list: unknown[], path: string, family: PredicateFamily<T>): Matcher<T>[] {
  return list.map((p, i) => compilePredicate(p, `${path}[${i}]`, family));
}

export function compileFilter<T>(raw: unknown, path: string, family: PredicateFamily<T>): Matcher<T> {
  const filter = requireRecord(raw, path);
  rejectUnknownFields(filter, ['type', 'clauses', 'predicates'], path);
  const type = checkEnum(requireString(filter, 'type', `${path}.type`), FILTER_TYPES, `${path}.type`);
  const parts = compilePredicates(
    optionalArray(filter, 'predicates', `${path}.predicates`) ?? [],
    `${path}.predicates`,
    family,
  );
  const clauses = optionalArray(filter, 'clauses', `${path}.clauses`) ?? [];
  clauses.forEach((rawClause, i) => {
    const clausePath = `${path}.clauses[${i}]`;
    const clause = requireRecord(rawClause, clausePath);
    rejectUnknownFields(clause, ['type', 'predicates'], clausePath);
    const clauseType = checkEnum(
      requireString(clause, 'type', `${clausePath}.type`),
      FILTER_TYPES,
      `${clausePath}.type`,
    );
    const predicates = optionalArray(clause, 'predicates', `${clausePath}.predicates`);
    if (!predicates || predicates.length === 0) throw badRequest(`${clausePath}.predicates is required`);
    parts.push(combine(clauseType, compilePredicates(predicates, `${clausePath}.predicates`, family)));
  });
  if (parts.length === 0) throw badRequest(`${path} needs at least one predicate or clause`);
  return combine(type, parts);
}

/** An array of filters (ANDed); undefined when there is nothing to filter on. */
export function compileFilters<T>(
  raw: unknown[] | undefined,
  path: string,
  family: PredicateFamily<T>,
): Matcher<T> | undefined {
  if (!raw || raw.length === 0) return undefined;
  const matchers = raw.map((filter, i) => compileFilter(filter, `${path}[${i}]`, family));
  return (item) => matchers.every((m) => m(item));
}
