import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedMessage } from '../../../shared/contract';
import type { StatusSnapshot } from '../../../shared/message';
import { formatAmount, formatMoneyFor, formatRelative } from '../i18n/format';
import { channelName, channelOutcomes } from '../logic/channel-summary';
import { rawStatusWord } from '../logic/raw-status-word';

/** Localised words for a message's fields: status phrase, channels, money, next check. */
export function useMessageWords() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;

  const rawStatus = useCallback((raw: string): string => rawStatusWord(t, raw), [t]);

  const channels = useCallback(
    (snapshot: StatusSnapshot | null): string => {
      const outcomes = channelOutcomes(snapshot);
      if (outcomes.length === 0) return '';
      return outcomes
        .map((outcome) =>
          t(`channel.${outcome.kind}`, { channel: channelName(outcome.channel), raw: outcome.rawStatus }),
        )
        .join(', ');
    },
    [t],
  );

  const money = useCallback(
    (amount: number, currency: string | null): string =>
      formatMoneyFor(locale, amount, currency, t('totals.unknownCurrency')),
    [locale, t],
  );

  const nextCheck = useCallback(
    (message: ListedMessage, now: number): string => {
      const schedule = message.schedule;
      if (schedule === null) return message.phase === 'watching' ? t('list.notChecked') : '';
      if (schedule.heldBy !== null) return t(`list.held_${schedule.heldBy.reason}`);
      if (schedule.inFlight) return t('list.checkingNow');
      if (schedule.nextCheckAt === null) return '';
      return t('list.nextCheckAt', { when: formatRelative(locale, schedule.nextCheckAt, now) });
    },
    [locale, t],
  );

  /** Money for a narrow cell: an unknown currency shows the bare amount (its title says the currency is unknown). */
  const moneyCell = useCallback(
    (amount: number, currency: string | null): { text: string; title: string } => {
      const title = formatMoneyFor(locale, amount, currency, t('totals.unknownCurrency'));
      if (currency !== null) return { text: title, title };
      const text = formatAmount(locale, amount);
      return { text, title };
    },
    [locale, t],
  );

  return { rawStatus, channels, money, moneyCell, nextCheck, locale };
}
