import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/engine-api';
import { CSV_COLUMNS, exportMessages, messagesToJson } from '../../../electron/host/export-view';
import { MAX_IMPORT_REASONS, importProblems, parseExport } from '../../../electron/host/import-messages';
import { MAX_ERROR_CHARS, MAX_HISTORY_ENTRIES, MAX_STATUS_CHARS } from '../../../shared/record-bounds';
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

  it('reads its JSON back with every field of the records (the scheduling facts are not restored)', () => {
    const json = messagesToJson([delivered, formula], NOW);
    const record = ({ schedule: _schedule, ...rest }: MessageView) => rest;
    expect(parseExport(json)).toEqual({
      messages: [record(delivered), record(formula)],
      leftOut: 0,
      reasons: [],
    });
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
    expect(parsed.messages.map((message) => message.id)).toEqual(['msg-1']);
    expect(parsed.leftOut).toBe(3);
    expect(parsed.reasons).toEqual([
      'Message 2 ("bad id"): id: not a valid message id.',
      'Message 3 ("msg-1"): the id appears earlier in the file.',
      expect.stringMatching(/^Message 4 \("x"\): label: missing .* more problems\)\.$/),
    ]);
  });

  it('refuses a status without a charge, saying so, and imports the good messages', () => {
    const { charge: _charge, ...withoutCharge } = delivered.snapshot ?? {};
    const json = exportFile([{ ...delivered, id: 'msg-9', snapshot: withoutCharge }, formula]);
    const parsed = parseExport(json);
    expect(parsed.messages.map((message) => message.id)).toEqual(['msg-2']);
    expect(parsed.reasons).toEqual(['Message 1 ("msg-9"): snapshot.charge: missing (expected object).']);
  });

  it('drops unknown fields, however deeply nested, before anything reads them', () => {
    const deep = `${'{"inner":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const record = JSON.stringify({ ...delivered, snapshot: { ...delivered.snapshot, junk: 0 } });
    const json = exportFile([]).replace(
      '[]',
      `[${record.replace('"junk":0', `"junk":${deep}`).replace(/}$/, `,"extra":${deep}}`)}]`,
    );
    const parsed = parseExport(json);
    expect(parsed.leftOut).toBe(0);
    expect(parsed.messages[0]).not.toHaveProperty('extra');
    expect(parsed.messages[0]?.snapshot).not.toHaveProperty('junk');
    expect(() => JSON.stringify(parsed.messages)).not.toThrow();
  });

  it('keeps the first and newest history entries, as live checks do', () => {
    const history = Array.from({ length: 600_000 }, (_, index) => ({
      at: NOW + index,
      rawStatus: index % 2 === 0 ? 'processing' : 'scheduled',
      kind: 'pending',
    }));
    const [message] = parseExport(exportFile([{ ...delivered, history }])).messages;
    expect(message?.history).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(message?.history[0]?.at).toBe(NOW);
    expect(message?.history.at(-1)?.at).toBe(NOW + 599_999);
    expect(message?.history[1]?.at).toBe(NOW + 600_000 - (MAX_HISTORY_ENTRIES - 1));
  });

  it('cuts long status words and error texts, marking the cut', () => {
    const long = 'x'.repeat(60_000);
    const [message] = parseExport(
      exportFile([
        {
          ...delivered,
          snapshot: { ...delivered.snapshot, rawStatus: long, channels: [{ channel: long, status: long }] },
          history: [{ at: NOW, rawStatus: long, kind: 'unknown' }],
          lastError: { kind: 'server', message: long, httpStatus: 500, at: NOW },
        },
      ]),
    ).messages;
    const cut = `${'x'.repeat(MAX_STATUS_CHARS - 1)}…`;
    expect(message?.snapshot?.rawStatus).toBe(cut);
    expect(message?.snapshot?.channels).toEqual([{ channel: cut, status: cut }]);
    expect(message?.history[0]?.rawStatus).toBe(cut);
    expect(message?.lastError?.message).toBe(`${'x'.repeat(MAX_ERROR_CHARS - 1)}…`);
  });

  it('names the first reasons and counts the rest', () => {
    const bad = Array.from({ length: 12 }, (_, index) => ({
      ...delivered,
      id: `bad-${index}`,
      phase: 'lost',
    }));
    const parsed = parseExport(exportFile([...bad, formula]));
    expect(parsed.messages.map((message) => message.id)).toEqual(['msg-2']);
    expect(importProblems(parsed, ['msg-7'])).toEqual([
      `12 messages were left out: the first ${MAX_IMPORT_REASONS} reasons follow.`,
      ...Array.from(
        { length: MAX_IMPORT_REASONS },
        (_, index) => `Message ${index + 1} ("bad-${index}"): phase: ${PHASE_PROBLEM}.`,
      ),
      '1 already watched, left as they are: msg-7.',
    ]);
  });
});

const PHASE_PROBLEM = 'expected one of "watching"|"final"|"not_found"|"gave_up"';

function exportFile(messages: readonly unknown[]): string {
  return JSON.stringify({ format: 'smsbat-monitor-export', version: 1, messages });
}
