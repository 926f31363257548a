import type { Models } from 'purecloud-platform-client-v2';
import { expect } from 'vitest';
import { createAnalyticsEngine } from '../../../../main/simulator/engine';
import { DEFAULT_LIMITS, SimulatorError, type SimulatorLimits } from '../../../../main/simulator/model';
import { type Clock, DEFAULT_NOW, fixtureDataset } from './fixture-dataset';

export function fixtureEngine(limits: Partial<SimulatorLimits> = {}, clock: Clock = { ms: DEFAULT_NOW }) {
  const dataset = fixtureDataset(clock);
  return { engine: createAnalyticsEngine(dataset, { ...DEFAULT_LIMITS, ...limits }), clock, dataset };
}

/** The SimulatorError a call throws (fails the test when it throws nothing or something else). */
export function errorOf(call: () => unknown): SimulatorError {
  try {
    call();
  } catch (error) {
    if (error instanceof SimulatorError) return error;
    throw error;
  }
  throw new Error('expected a SimulatorError, but the call succeeded');
}

export function expectBadRequest(call: () => unknown, messagePart: string | RegExp): SimulatorError {
  const error = errorOf(call);
  expect(error.status).toBe(400);
  expect(error.code).toBe('bad.request');
  expect(error.message).toMatch(messagePart);
  return error;
}

export function ids(response: { conversations?: { conversationId?: string }[] }): string[] {
  return (response.conversations ?? []).map((c) => c.conversationId ?? '');
}

/** The stats of one metric in one bucket of one group, or undefined when absent. */
export function statsOf(
  response: Models.ConversationAggregateQueryResponse,
  group: Record<string, string>,
  metric: string,
  interval?: string,
): Models.StatisticalSummary | undefined {
  const container = response.results?.find((r) => JSON.stringify(r.group) === JSON.stringify(group));
  const data = interval ? container?.data?.find((d) => d.interval === interval) : container?.data?.[0];
  return data?.metrics?.find((m) => m.metric === metric)?.stats;
}
