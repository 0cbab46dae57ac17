import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { aggregateState } from '../../../shared/aggregate-state';
import { countMessages } from '../../../shared/watch-counts';
import type { FeedState } from '../logic/feed-state';
import { faviconHref, titleKey, windowTitle } from '../logic/window-title';
import { useSampledValue } from './use-sampled-value';

/**
 * Keeps the tab title and favicon on the aggregate state ("2 failed · Paused · SMSBAT Monitor"), at most once a
 * second, from the same function and words as the tray.
 */
export function useWindowTitle(current: FeedState | null): void {
  const { t } = useTranslation();
  const feed = useSampledValue(current, 1000, null);
  const state = useMemo(
    () =>
      feed === null
        ? null
        : {
            ...aggregateState({ health: feed.health, counts: countMessages(feed.messages) }),
            paused: feed.health.mode === 'paused',
          },
    [feed],
  );
  useEffect(() => {
    if (state === null) {
      document.title = t('app.name');
      return;
    }
    const { key, count } = titleKey(state);
    const marks = state.paused ? [t('title.paused')] : [];
    document.title = windowTitle(t(key, { count }), t('app.name'), marks);
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
