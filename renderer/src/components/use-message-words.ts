import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedMessage } from '../../../shared/contract';
import type { CheckErrorKind, StatusSnapshot } from '../../../shared/message';
import type { MessageBucket } from '../../../shared/totals';
import { formatAmount, formatMoneyFor, formatNumber, formatRelative } from '../i18n/format';
import { templateText } from '../i18n/text-templates';
import { channelName, channelOutcomes } from '../logic/channel-summary';
import { rawStatusKey } from '../logic/raw-status-word';
import { statusPhrase } from '../logic/status-phrase';

/** Localised words for a message's fields: status phrase, channels, money, next check, and the row's labels. */
export interface MessageWords {
  readonly locale: string;
  /** SMSBAT's status word ("delivered", "Undeliverable"...) in the window's language; unknown words are quoted. */
  rawStatus(raw: string): string;
  /** "Viber failed, SMS delivered", or '' without channels. */
  channels(snapshot: StatusSnapshot | null): string;
  money(amount: number, currency: string | null): string;
  /** Money for a narrow cell: an unknown currency shows the bare amount (its title says the currency is unknown). */
  moneyCell(amount: number, currency: string | null): { text: string; title: string };
  nextCheck(message: ListedMessage, now: number): string;
  bucket(bucket: MessageBucket): string;
  /** The status phrase: the bucket's word, or "Not found yet, checking again in N s" after a 404. */
  status(message: ListedMessage, now: number): string;
  errorKind(kind: CheckErrorKind): string;
  selectRow(id: string): string;
  copyId(id: string): string;
  readonly overdue: string;
}

/** The words of an i18next instance in its current language (each text from a template made once per language). */
export function messageWords(i18n: I18n): MessageWords {
  const say = (key: string, values?: Readonly<Record<string, string>>) => templateText(i18n, key, values);
  const locale = i18n.language;
  const money = (amount: number, currency: string | null): string =>
    formatMoneyFor(locale, amount, currency, say('totals.unknownCurrency'));
  return {
    locale,
    rawStatus: (raw) => {
      const { key, values } = rawStatusKey(raw);
      return say(key, values);
    },
    channels: (snapshot) =>
      channelOutcomes(snapshot)
        .map((outcome) =>
          say(`channel.${outcome.kind}`, { channel: channelName(outcome.channel), raw: outcome.rawStatus }),
        )
        .join(', '),
    money,
    moneyCell: (amount, currency) => {
      const title = money(amount, currency);
      return { text: currency !== null ? title : formatAmount(locale, amount), title };
    },
    nextCheck: (message, now) => {
      const schedule = message.schedule;
      if (schedule === null) return message.phase === 'watching' ? say('list.notChecked') : '';
      if (schedule.heldBy !== null) return say(`list.held_${schedule.heldBy.reason}`);
      if (schedule.inFlight) return say('list.checkingNow');
      if (schedule.nextCheckAt === null) return '';
      return say('list.nextCheckAt', { when: formatRelative(locale, schedule.nextCheckAt, now) });
    },
    bucket: (bucket) => say(`bucket.${bucket}`),
    status: (message, now) => {
      const phrase = statusPhrase(message, now);
      if (phrase.kind === 'bucket') return say(`bucket.${phrase.bucket}`);
      if (phrase.inSeconds === null) return say('bucket.notFoundYetNoCheck');
      return say('bucket.notFoundYet', { seconds: formatNumber(locale, phrase.inSeconds) });
    },
    errorKind: (kind) => say(`detail.errorKind_${kind}`),
    selectRow: (id) => say('list.selectRow', { id }),
    copyId: (id) => say('list.copyId', { id }),
    overdue: say('list.overdue'),
  };
}

/** The window's {@link MessageWords}, the same object until the language changes. */
export function useMessageWords(): MessageWords {
  const { i18n } = useTranslation();
  const language = i18n.language;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the words follow the instance's language, read inside.
  return useMemo(() => messageWords(i18n), [i18n, language]);
}
