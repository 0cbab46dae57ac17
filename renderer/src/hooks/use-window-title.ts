import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { aggregateState } from '../../../shared/aggregate-state';
import type { FeedState } from '../logic/feed-state';
import { faviconHref, titleKey, windowTitle } from '../logic/window-title';
import { useSampledValue } from './use-sampled-value';

/** Keeps the tab title and favicon on the aggregate state ("2 failed · SMSBAT Monitor"), at most once a second. */
export function useWindowTitle(current: FeedState | null): void {
  const { t } = useTranslation();
  const feed = useSampledValue(current, 1000, null);
  const state = useMemo(
    () => (feed === null ? null : aggregateState({ health: feed.health, messages: feed.messages })),
    [feed],
  );
  useEffect(() => {
    if (state === null) {
      document.title = t('app.name');
      return;
    }
    const { key, count } = titleKey(state);
    document.title = windowTitle(t(key, { count }), t('app.name'));
    let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (link === null) {
      link = document.createElement('link');
      link.rel = 'icon';
      document.head.append(link);
    }
    link.type = 'image/svg+xml';
    link.href = faviconHref(state.severity);
  }, [state, t]);
}
