import { describe, expect, it } from 'vitest';
import { checkPollingForm, type PollingForm } from '../../../renderer/src/logic/polling-form';

const ok: PollingForm = { rateCap: '10', watchHours: '24', firstSeconds: '5' };
const fieldsOf = (form: PollingForm) => {
  const result = checkPollingForm(form);
  return result.ok ? [] : result.problems.map((problem) => problem.field);
};

describe('checkPollingForm', () => {
  it('turns the fields into settings', () => {
    expect(checkPollingForm(ok)).toEqual({
      ok: true,
      settings: { rateCapPerSecond: 10, watchWindowMs: 86_400_000, firstIntervalMs: 5_000 },
    });
  });

  it('accepts a decimal rate cap, with a point or a comma, as the CLI does', () => {
    expect(checkPollingForm({ ...ok, rateCap: '2.5' })).toMatchObject({
      settings: { rateCapPerSecond: 2.5 },
    });
    expect(checkPollingForm({ ...ok, rateCap: '0,5' })).toMatchObject({
      settings: { rateCapPerSecond: 0.5 },
    });
  });

  it('holds the rate cap between 0.1 and 50 requests a second', () => {
    expect(fieldsOf({ ...ok, rateCap: '0.1' })).toEqual([]);
    expect(fieldsOf({ ...ok, rateCap: '0.09' })).toEqual(['rateCap']);
    expect(fieldsOf({ ...ok, rateCap: '50' })).toEqual([]);
    expect(fieldsOf({ ...ok, rateCap: '50.01' })).toEqual(['rateCap']);
    expect(fieldsOf({ ...ok, rateCap: '' })).toEqual(['rateCap']);
    expect(fieldsOf({ ...ok, rateCap: 'fast' })).toEqual(['rateCap']);
  });

  it('holds the watch window between one minute and seven days', () => {
    expect(fieldsOf({ ...ok, watchHours: String(1 / 60) })).toEqual([]);
    expect(fieldsOf({ ...ok, watchHours: '0.01' })).toEqual(['watchHours']);
    expect(fieldsOf({ ...ok, watchHours: '168' })).toEqual([]);
    expect(fieldsOf({ ...ok, watchHours: '168.01' })).toEqual(['watchHours']);
  });

  it('holds the first retry between 1 and 60 seconds, and names every bad field at once', () => {
    expect(fieldsOf({ ...ok, firstSeconds: '1' })).toEqual([]);
    expect(fieldsOf({ ...ok, firstSeconds: '0.99' })).toEqual(['firstSeconds']);
    expect(fieldsOf({ ...ok, firstSeconds: '60' })).toEqual([]);
    expect(fieldsOf({ ...ok, firstSeconds: '61' })).toEqual(['firstSeconds']);
    expect(fieldsOf({ rateCap: '99', watchHours: '0', firstSeconds: '0' })).toEqual([
      'rateCap',
      'watchHours',
      'firstSeconds',
    ]);
  });

  it('gives each problem the limits to show in the window language', () => {
    const result = checkPollingForm({ ...ok, rateCap: '80' });
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'rateCap', min: 0.1, max: 50 }],
    });
  });
});
