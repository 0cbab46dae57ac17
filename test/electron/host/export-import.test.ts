import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/engine-api';
import { CSV_COLUMNS, exportMessages, messagesToJson } from '../../../electron/host/export-view';
import { parseExport } from '../../../electron/host/import-messages';
import { freshMessage } from '../../fakes/message-views';

const NOW = Date.UTC(2026, 10, 28, 9, 30, 0);

const delivered: MessageView = {
  ...freshMessage('msg-1', NOW - 60_000, 'Black Friday, "VIP"'),
  phase: 'final',
  snapshot: {
    messageId: 'msg-1',
    messagelistId: 7,
    rawStatus: 'delivered',
    kind: 'delivered',
    partsCount: 2,
    charge: { amount: 0.05, currency: 'UAH' },
    rate: null,
    channels: [{ channel: 'viber', status: 'delivered' }],
    fallbacks: [{ type: 'sms', status: 'not_used' }],
  },
  history: [{ at: NOW - 30_000, rawStatus: 'delivered', kind: 'delivered' }],
  lastCheckedAt: NOW - 30_000,
  lastChangedAt: NOW - 30_000,
};
const formula: MessageView = {
  ...freshMessage('msg-2', NOW, '=HYPERLINK("http://evil")'),
  acknowledged: true,
};

describe('exporting the view', () => {
  it('writes CSV with a header, quoting, ISO times, and formulas defused', () => {
    const file = exportMessages([delivered, formula], 'csv', NOW);
    expect(file.fileName).toBe('smsbat-messages-2026-11-28T09-30-00.csv');
    expect(file.mimeType).toBe('text/csv');
    const lines = file.content.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      'msg-1,"Black Friday, ""VIP""",final,delivered,delivered,viber: delivered,2,0.05,UAH,' +
        '2026-11-28T09:29:00.000Z,2026-11-28T09:29:30.000Z,2026-11-28T09:29:30.000Z,,false,false,',
    );
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('reads its JSON back with every field', () => {
    const json = messagesToJson([delivered, formula], NOW);
    expect(parseExport(json)).toEqual({ messages: [delivered, formula], problems: [] });
  });
});

describe('importing an export', () => {
  it('refuses a file that is not an export, saying why', () => {
    expect(() => parseExport('not json')).toThrow(/not JSON/);
    expect(() => parseExport('{"messages": []}')).toThrow(/not a monitor export/);
  });

  it('leaves out messages that do not fit, and repeated ids, naming them', () => {
    const json = JSON.stringify({
      format: 'smsbat-monitor-export',
      version: 1,
      messages: [delivered, { ...formula, id: 'bad id' }, { ...delivered, label: 'again' }, { id: 'x' }],
    });
    const parsed = parseExport(json);
    expect(parsed.messages).toEqual([delivered]);
    expect(parsed.problems).toEqual([
      expect.stringMatching(/^Message 2 was left out: .*id: not a valid message id/),
      'Message 3 (msg-1) was left out: the id appears earlier in the file.',
      expect.stringMatching(/^Message 4 was left out/),
    ]);
  });
});
