import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ConnectionInfo,
  ContractResponses,
  ListedMessage,
  UiPreferences,
} from '../../../shared/contract';
import { summarize, type MessageBucket } from '../../../shared/totals';
import { useFileDrop } from '../hooks/use-file-drop';
import type { EngineFix } from '../logic/engine-view';
import { engineView } from '../logic/engine-view';
import type { FeedState } from '../logic/feed-state';
import {
  filterMessages,
  isEmptyFilter,
  NO_FILTER,
  onlyBucket,
  type MessageFilter,
} from '../logic/message-filter';
import { DEFAULT_SORT, nextSort, type SortOrder } from '../logic/message-sort';
import { sortFeed, type SortedFeed } from '../logic/sorted-feed';
import { revealedView } from '../logic/reveal';
import { EMPTY_SELECTION, pruneSelection, type Selection } from '../logic/selection';
import { useClient } from '../state/client-context';
import { useLinkStatus } from '../state/link-status';
import { useToasts } from '../state/toasts';
import { useNow } from '../state/use-now';
import { useRequest } from '../state/use-request';
import { AddDialog } from './add-dialog';
import { AppHeader } from './app-header';
import { DetailPanel } from './detail-panel';
import { EngineStatus } from './engine-status';
import { ListToolbar } from './list-toolbar';
import { MessageTable } from './message-table';
import { SettingsDialog } from './settings-dialog';
import { TotalsPanel } from './totals-panel';
import { useImport } from './use-import';

/** What the main view draws from. */
export interface MonitorViewProps {
  /** Null while the watch list is on its way: the window is drawn and says it is loading. */
  readonly feed: FeedState | null;
  readonly connection: ConnectionInfo;
  readonly preferences: UiPreferences | null;
  readonly reducedMotion: boolean;
  /** The last success of an earlier connection (epoch ms): it and older ones are not shown. @default null */
  readonly staleSuccess?: number | null;
}

const NO_MESSAGES: readonly ListedMessage[] = [];
const NO_LABELS: readonly (string | null)[] = [];
const NO_TOTALS = summarize([]);

type AddState = { readonly text: string; readonly result: ContractResponses['watchText'] | null } | null;

/** True when a key event comes from a place that types text. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The window people use all day: engine state, totals, the list with its filters, the detail panel and dialogs. */
export function MonitorView({
  feed,
  connection,
  preferences,
  reducedMotion,
  staleSuccess = null,
}: MonitorViewProps) {
  const { t } = useTranslation();
  const request = useRequest();
  const { push } = useToasts();
  const now = useNow();
  const [filter, setFilter] = useState<MessageFilter>(NO_FILTER);
  const [sort, setSort] = useState<SortOrder>(DEFAULT_SORT);
  const [rawSelection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [add, setAdd] = useState<AddState>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const importControl = useImport();
  const client = useClient();

  // A click on a notification or on a change in the tray: show that message, or the list filtered to a summary.
  useEffect(
    () =>
      client.on('reveal', (target) => {
        const view = revealedView(target);
        setFilter(view.filter);
        if (view.messageId !== null) {
          setActiveId(view.messageId);
          setDetailId(view.messageId);
        }
      }),
    [client],
  );

  const deferredFilter = useDeferredValue(filter);
  // The list's order is kept from one feed version to the next: only changed messages move.
  const [sorter] = useState(() => {
    let last: SortedFeed | null = null;
    return (next: FeedState, order: SortOrder) => (last = sortFeed(last, next, order));
  });
  const sorted = useMemo(() => (feed === null ? null : sorter(feed, sort)), [sorter, feed, sort]);
  const shown = useMemo(
    () => filterMessages(sorted?.messages ?? NO_MESSAGES, deferredFilter),
    [sorted, deferredFilter],
  );
  // Messages removed by the host drop out of the selection.
  const byId = feed?.byId ?? null;
  const selection = useMemo(
    () => pruneSelection(rawSelection, (id) => byId?.has(id) ?? false),
    [rawSelection, byId],
  );
  const loading = feed === null;
  const link = useLinkStatus();
  const view = engineView(feed?.health ?? null, connection, feed?.settings ?? null, link, staleSuccess);
  const detail = detailId === null ? undefined : byId?.get(detailId);
  const total = feed?.messages.length ?? 0;

  const targets = useCallback(
    (): readonly string[] =>
      selection.ids.size > 0 ? [...selection.ids] : activeId !== null ? [activeId] : [],
    [selection, activeId],
  );

  const refresh = useCallback(
    async (ids: readonly string[]) => {
      const outcomes = await request('refresh', ids.length > 0 ? { messageIds: [...ids] } : {});
      if (outcomes !== null)
        push({ severity: 'info', text: (t) => ({ title: t('list.refreshed', { count: outcomes.length }) }) });
    },
    [request, push],
  );

  const unwatch = useCallback(
    async (ids: readonly string[]) => {
      if (ids.length === 0) return;
      const removed = await request('unwatch', { messageIds: [...ids] });
      if (removed === null) return;
      push({ severity: 'info', text: (t) => ({ title: t('list.unwatched', { count: removed.length }) }) });
      setSelection(EMPTY_SELECTION);
      if (detailId !== null && removed.includes(detailId)) setDetailId(null);
    },
    [request, push, detailId],
  );

  const copy = useCallback(
    (id: string) => {
      void navigator.clipboard
        .writeText(id)
        .then(() => {
          push({ severity: 'success', text: (t) => ({ title: t('list.copied', { id }) }) });
        })
        .catch(() => undefined);
    },
    [push],
  );

  const addText = useCallback(
    async (text: string) => {
      const result = await request('watchText', { text });
      if (result !== null) setAdd({ text: '', result });
    },
    [request],
  );
  const dragging = useFileDrop(
    useCallback((text: string) => void addText(text), [addText]),
    useCallback(
      (name: string) => {
        push({ severity: 'warning', text: (t) => ({ title: t('add.dropUnsupported'), body: name }) });
      },
      [push],
    ),
  );

  // Paste anywhere (Ctrl/Cmd+V outside a text field) opens the add dialog with the pasted text. This and the keys
  // below listen from the commit that draws the window (a layout effect), so a paste or key the moment it shows is
  // not lost while React has yet to run its effects.
  useLayoutEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target) || add !== null || settingsOpen) return;
      const text = event.clipboardData?.getData('text') ?? '';
      if (text.trim() === '') return;
      event.preventDefault();
      setAdd({ text, result: null });
    };
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('paste', onPaste);
    };
  }, [add, settingsOpen]);

  // Window-wide keys: R refreshes, Delete stops watching, / searches, Esc closes the detail panel.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || add !== null || settingsOpen) return;
      if (event.key === 'Escape' && detailId !== null) {
        setDetailId(null);
        return;
      }
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'r' || event.key === 'R') {
        event.preventDefault();
        void refresh(targets());
      } else if (event.key === 'Delete' && targets().length > 0) {
        event.preventDefault();
        void unwatch(targets());
      } else if (event.key === '/') {
        event.preventDefault();
        document.getElementById('search-box')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [add, settingsOpen, detailId, refresh, unwatch, targets]);

  const onFix = (fix: Exclude<EngineFix, null>) => {
    switch (fix) {
      case 'resume':
        void request('resume', {});
        return;
      case 'pause':
        void request('pause', {});
        return;
      case 'retry':
        void refresh([]);
        return;
      case 'credentials':
      case 'base_url':
      case 'connect':
        setSettingsOpen(true);
    }
  };

  const exportAs = async (format: 'csv' | 'json') => {
    const file = await request('exportView', {
      format,
      ...(isEmptyFilter(filter) ? {} : { messageIds: shown.map((message) => message.id) }),
    });
    if (file === null) return;
    const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 10_000);
    push({
      severity: 'success',
      text: (t) => ({ title: t('toolbar.exported', { fileName: file.fileName }) }),
    });
  };

  return (
    <div className={`monitor${detail !== undefined ? ' has-detail' : ''}`}>
      <AppHeader
        demo={connection.demo}
        onAdd={() => {
          setAdd({ text: '', result: null });
        }}
        onSettings={() => {
          setSettingsOpen(true);
        }}
        onExport={(format) => void exportAs(format)}
        onImport={importControl.open}
      >
        <EngineStatus view={view} now={now} onFix={onFix} />
      </AppHeader>
      {importControl.input}
      {!connection.persistent && !connection.demo && connection.source !== 'none' ? (
        <p className="banner banner--warning" role="note">
          {t('connect.notPersistent')}
        </p>
      ) : null}
      <div className="monitor__body">
        <TotalsPanel
          loading={loading}
          totals={feed?.totals ?? NO_TOTALS}
          messages={feed?.messages ?? NO_MESSAGES}
          activeBuckets={filter.buckets}
          onBucket={(bucket: MessageBucket) => {
            setFilter((current) => onlyBucket(current, bucket));
          }}
          activeLabel={filter.label}
          onLabel={(label) => {
            setFilter((current) => ({ ...current, label }));
          }}
          reducedMotion={reducedMotion}
        />
        <main className="monitor__list" id="main">
          <ListToolbar
            search={filter.search}
            onSearch={(search) => {
              setFilter((current) => ({ ...current, search }));
            }}
            labels={feed?.labels ?? NO_LABELS}
            label={filter.label}
            onLabel={(label) => {
              setFilter((current) => ({ ...current, label }));
            }}
            loading={loading}
            shown={shown.length}
            total={total}
            filtered={!isEmptyFilter(filter)}
            onClearFilter={() => {
              setFilter(NO_FILTER);
            }}
            selectedCount={selection.ids.size}
            onRefresh={() => void refresh([...selection.ids])}
            onUnwatch={() => void unwatch([...selection.ids])}
            onAcknowledge={() => void request('acknowledge', { messageIds: [...selection.ids] })}
            onClearFinished={() => void request('clearFinished', {})}
          />
          <MessageTable
            loading={loading}
            messages={shown}
            totalCount={total}
            sort={sort}
            onSort={(column) => {
              setSort((current) => nextSort(current, column));
            }}
            selection={selection}
            onSelectionChange={setSelection}
            activeId={activeId}
            onActiveChange={setActiveId}
            onOpen={setDetailId}
            onRefresh={(ids) => void refresh(ids)}
            onUnwatch={(ids) => void unwatch(ids)}
            onCopy={copy}
            now={now}
          />
        </main>
        {detail !== undefined ? (
          <DetailPanel
            message={detail}
            now={now}
            onClose={() => {
              setDetailId(null);
            }}
            onRefresh={(id) => void refresh([id])}
            onUnwatch={(id) => void unwatch([id])}
            onCopy={copy}
          />
        ) : null}
      </div>
      {dragging ? (
        <div className="drop-hint" aria-hidden="true">
          {t('add.dropHere')}
        </div>
      ) : null}
      {add !== null ? (
        <AddDialog
          initialText={add.text}
          initialResult={add.result}
          onClose={() => {
            setAdd(null);
          }}
        />
      ) : null}
      {settingsOpen ? (
        <SettingsDialog
          connection={connection}
          settings={feed?.settings ?? null}
          preferences={preferences}
          onClose={() => {
            setSettingsOpen(false);
          }}
        />
      ) : null}
    </div>
  );
}
