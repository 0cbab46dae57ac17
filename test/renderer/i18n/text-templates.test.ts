import { describe, expect, it } from 'vitest';
import { messageWords } from '../../../renderer/src/components/use-message-words';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { templateText } from '../../../renderer/src/i18n/text-templates';
import { listedView } from '../../fakes/message-views';

const cases: readonly [string, Record<string, string>?][] = [
  ['list.selectRow', { id: 'abc-1' }],
  ['list.copyId', { id: 'id with {{braces}} and $& signs' }],
  ['list.nextCheckAt', { when: 'in 5 seconds' }],
  ['channel.unknown', { channel: 'Viber', raw: 'EXPIRED' }],
  ['channel.delivered', { channel: 'SMS' }],
  ['bucket.pending'],
  ['list.overdue'],
];

describe('templateText', () => {
  it('says what i18next says, in each language and after switching, with values filled in as given', async () => {
    const i18n = createI18n('en');
    for (const language of ['en', 'uk', 'en'] as const) {
      await i18n.changeLanguage(language);
      const t = i18n.t as (key: string, values: object | undefined) => string;
      for (const [key, values] of cases) {
        expect(templateText(i18n, key, values)).toBe(t(key, values));
        expect(templateText(i18n, key, values)).toBe(t(key, values));
      }
    }
    expect(templateText(i18n, 'list.copyId', { id: 'x' })).toBe('Copy ID x');
  });

  it("gives the list's rows their words in the window's language", async () => {
    const i18n = createI18n('uk');
    const message = listedView({ id: 'm-1', statuses: ['processing'] });
    const uk = messageWords(i18n);
    expect(uk.bucket('pending')).toBe(i18n.t('bucket.pending'));
    expect(uk.nextCheck({ ...message, schedule: null }, 0)).toBe(i18n.t('list.notChecked'));
    await i18n.changeLanguage('en');
    expect(messageWords(i18n).selectRow('m-1')).toBe('Select m-1');
  });
});
