import { describe, expect, it } from 'vitest';
import type { ContractError } from '../../../shared/contract';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { contractErrorText } from '../../../renderer/src/logic/contract-error-text';

const readOnly: ContractError = {
  kind: 'not_saved',
  message: 'Could not save the settings: the folder is read-only (/data/settings.json: EROFS). …',
  notSaved: { reason: 'read_only', folder: '/data' },
};

describe('what the window says when a request fails', () => {
  it('says a setting was not saved because the folder is read-only, and what to do, in English and Ukrainian', async () => {
    const i18n = createI18n('en');
    expect(contractErrorText(i18n.t, readOnly)).toBe(
      'Could not save the settings: the folder is read-only (/data). Make the folder writable, then change the ' +
        'setting again; until then the monitor keeps the settings it had.',
    );
    await i18n.changeLanguage('uk');
    expect(contractErrorText(i18n.t, readOnly)).toMatch(
      /^Не вдалося зберегти налаштування: тека .*\(\/data\)/,
    );
  });

  it('says the disk is full when it is', () => {
    const i18n = createI18n('en');
    const full: ContractError = { ...readOnly, notSaved: { reason: 'disk_full', folder: '/data' } };
    expect(contractErrorText(i18n.t, full)).toMatch(
      /^Could not save the settings: the disk is full \(\/data\)\. Free/,
    );
  });

  it("uses the host's words for any other failure", () => {
    const i18n = createI18n('uk');
    expect(contractErrorText(i18n.t, { ...readOnly, notSaved: { reason: 'other', folder: '/data' } })).toBe(
      readOnly.message,
    );
    expect(contractErrorText(i18n.t, { kind: 'failed', message: 'The request failed.' })).toBe(
      'The request failed.',
    );
  });
});
