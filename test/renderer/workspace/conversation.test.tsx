import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConversationTimeline } from '../../../preload/contract/workspace-types';
import { App } from '../../../renderer/src/App';
import { installWorkspaceCore } from '../support/fake-core';
import { Screen } from '../support/render';
import { resetStores } from '../support/stores';

const T = (minute: number, second = 0) => Date.UTC(2026, 5, 8, 8, minute, second); // 09:mm BST

const TIMELINE: ConversationTimeline = {
  conversationId: 'conv-42',
  start: T(0),
  end: T(12),
  participants: [
    {
      purpose: 'customer',
      name: '+13125550142',
      sessions: [
        {
          mediaType: 'voice',
          direction: 'inbound',
          ani: '+13125550142',
          dnis: '+18005550100',
          segments: [
            {
              type: 'interact',
              start: T(2),
              end: T(12),
              queueName: null,
              wrapUpName: null,
              disconnectType: 'customer',
            },
          ],
        },
      ],
    },
    {
      purpose: 'agent',
      name: 'Ana <img src=x onerror=alert(1)> Silva',
      sessions: [
        {
          mediaType: 'voice',
          direction: null,
          ani: null,
          dnis: null,
          segments: [
            {
              type: 'interact',
              start: T(2, 8),
              end: T(9),
              queueName: 'Billing – Voice',
              wrapUpName: null,
              disconnectType: null,
            },
            {
              type: 'wrapup',
              start: T(12),
              end: T(13),
              queueName: 'Billing – Voice',
              wrapUpName: 'Resolved',
              disconnectType: null,
            },
          ],
        },
      ],
    },
  ],
};

describe('an Interactions row opened in the detail panel', () => {
  let screen: Screen;
  let fake: ReturnType<typeof installWorkspaceCore>;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 5, 17, 9));
    resetStores();
    fake = installWorkspaceCore({
      'reports/run': (input) => ({
        requestId: (input as { requestId: string }).requestId,
        state: 'done',
        fromCache: true,
        rows: 1,
        conversations: 1,
        requests: 0,
        rateLimited: 0,
        retries: 0,
        seconds: 0,
        message: null,
        missing: [],
        freshness: { completeUpTo: null, fetchedAt: null, mayChangeFrom: null },
      }),
      'reports/page': () => ({
        rows: [
          {
            startTime: T(0),
            mediaType: 'voice',
            firstQueue: 'Billing – Voice',
            ani: '+13125550142',
            talk: 412_000,
            abandoned: false,
            conversationId: 'conv-42',
          },
        ],
        total: 1,
        totals: null,
        nextCursor: null,
      }),
      'reports/conversation': () => TIMELINE,
    });
    screen = new Screen();
    await screen.render(<App />);
    await screen.check('Interactions');
    await screen.click('Run report');
    await screen.waitFor(
      () =>
        screen.container.querySelector('.ag-grid-scrolling-rows .ag-row')?.textContent?.includes('0:06:52') ?? false,
    );
  });
  afterEach(() => {
    screen.unmount();
    fake.remove();
    vi.useRealTimers();
  });

  async function openRow() {
    const cell = screen.container.querySelector<HTMLElement>('.ag-grid-scrolling-rows .ag-row [role="gridcell"]')!;
    cell.click();
    await screen.waitFor(() => screen.text.includes('Resolved'));
  }

  it('asks the core for that conversation and shows participants and segments as a timeline', async () => {
    await openRow();
    expect(fake.calls.find((call) => call.name === 'reports/conversation')?.input).toEqual({
      connectionId: 'demo',
      conversationId: 'conv-42',
    });
    const panel = screen.container.querySelector('.detail-panel')!;
    expect([...panel.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Customer: +13125550142',
      'Agent: Ana <img src=x onerror=alert(1)> Silva',
    ]);
    const segments = [...panel.querySelectorAll('.segment')].map((li) => li.textContent);
    expect(segments).toEqual([
      '09:02:00 Interact (0:10:00) · ended by customer',
      '09:02:08 Interact (0:06:52) · queue Billing – Voice',
      '09:12:00 Wrapup (0:01:00) · queue Billing – Voice · wrap-up Resolved',
    ]);
    expect(panel.textContent).toContain('Voice · Inbound · from +13125550142 · to +18005550100');
  });

  it('renders names from Genesys as text, never as markup', async () => {
    await openRow();
    expect(screen.container.querySelector('.detail-panel img')).toBeNull();
  });

  it('closes with the Close button and with Escape', async () => {
    await openRow();
    expect(document.activeElement?.textContent).toBe('Close details');
    await screen.click('Close details');
    expect(screen.container.querySelector('.detail-panel')).toBeNull();
    await openRow();
    const panel = screen.container.querySelector('.detail-panel')!;
    act(() => {
      panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(screen.container.querySelector('.detail-panel')).toBeNull();
  });
});
