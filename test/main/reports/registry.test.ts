import { describe, expect, it } from 'vitest';
import { describeReports, reportDefinition, REPORTS } from '../../../main/reports/index';
import { REPORT_IDS } from '../../../preload/contract/reports';
import type { ReportDescriptor } from '../../../preload/contract/workspace-types';

describe('the report registry', () => {
  it('has one definition per report id, in picker order', () => {
    expect(REPORTS.map((report) => report.id)).toEqual([...REPORT_IDS]);
    for (const id of REPORT_IDS) expect(reportDefinition(id).id).toBe(id);
  });

  it('describes every report as plain data the renderer can take over IPC', () => {
    const described: ReportDescriptor[] = describeReports();
    // Structured-clone safe and nothing lost in JSON: no functions, no main-only fields.
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
    expect(JSON.stringify(described)).not.toMatch(/setKey|"grid"|byName/);
    for (const report of describeReports()) {
      expect(report.name.length).toBeGreaterThan(3);
      expect(report.description.length).toBeGreaterThan(20);
      const ids = report.columns.map((column) => column.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(report.columns.find((column) => column.id === report.defaultSort.column)?.sortable).toBe(true);
      for (const column of report.columns) {
        if (column.filter === 'set') expect(column.options).toBeDefined();
      }
      expect(report.ranged).toBe(report.id !== 'live-queues');
      expect(report.hasTotals).toBe(report.id !== 'interactions');
    }
  });

  it('offers intervals, filters and conditions where they apply', () => {
    const byId = new Map(describeReports().map((report) => [report.id, report]));
    expect(byId.get('queue-performance')?.granularities).toEqual(['PT30M', 'PT1H', 'P1D', 'P7D', 'P1M', 'total']);
    expect(byId.get('interactions')?.granularities).toEqual([]);
    expect(byId.get('interactions')?.filters).toContain('directions');
    expect(byId.get('queue-performance')?.filters).not.toContain('directions');
    const fields = byId.get('interactions')?.conditionFields.map((field) => field.id);
    expect(fields).toEqual(expect.arrayContaining(['talk', 'ani', 'disconnectType', 'queue', 'wrapUpCode']));
    for (const report of byId.values()) {
      if (report.id !== 'interactions') expect(report.conditionFields).toEqual([]);
    }
  });
});
