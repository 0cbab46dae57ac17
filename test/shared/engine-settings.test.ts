import { describe, expect, it } from 'vitest';
import { SettingsError, unknownSettings, validateSettings } from '../../shared/engine-settings';

describe('validateSettings', () => {
  it('accepts sensible values and an empty change', () => {
    expect(validateSettings({})).toEqual([]);
    expect(
      validateSettings({
        rateCapPerSecond: 50,
        concurrency: 8,
        watchWindowMs: 3_600_000,
        firstIntervalMs: 2_000,
        baseUrl: 'http://127.0.0.1:8080/prefix',
        authMethod: 'basic',
      }),
    ).toEqual([]);
  });

  it('names every refused setting with its reason', () => {
    const problems = validateSettings({
      rateCapPerSecond: 51,
      concurrency: 1.5,
      watchWindowMs: Number.NaN,
      firstIntervalMs: 100,
      baseUrl: 'https://user:pw@example.com',
      authMethod: 'token',
    });
    expect(problems.map((problem) => problem.setting)).toEqual([
      'rateCapPerSecond',
      'concurrency',
      'watchWindowMs',
      'firstIntervalMs',
      'baseUrl',
      'authMethod',
    ]);
    expect(problems[0]?.message).toMatch(/50/);
    expect(problems[4]?.message).not.toContain('pw');
  });

  it('refuses values of the wrong type from any host', () => {
    expect(validateSettings({ concurrency: '4', baseUrl: 'ftp://x' }).map((p) => p.setting)).toEqual([
      'concurrency',
      'baseUrl',
    ]);
    expect(unknownSettings({ rate: 5, concurrency: 3 })).toEqual(['rate']);
  });

  it('SettingsError carries the problems', () => {
    const error = new SettingsError([{ setting: 'concurrency', message: 'too many' }]);
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain('concurrency');
  });
});
