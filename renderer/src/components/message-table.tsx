import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedMessage } from '../../../shared/contract';
import { COLUMNS, type ColumnId } from '../logic/columns';
import type { SortOrder } from '../logic/message-sort';
import { extendTo, toggleAll, toggleId, type Selection } from '../logic/selection';
import { useAfterFirstPaint } from '../hooks/use-after-first-paint';
import { initialScrollRect, observeScrollRect, scrollList } from './list-virtualizer';
import { LoadingRows } from './loading-rows';
import { MessageRow, rowDomId } from './message-row';
import { useMessageWords } from './use-message-words';

/** What the list needs from its parent. */
export interface MessageTableProps {
  /** True while the watch list is on its way: the list says it is loading instead of empty. */
  readonly loading?: boolean;
  readonly messages: readonly ListedMessage[];
  readonly totalCount: number;
  readonly sort: SortOrder;
  readonly onSort: (column: ColumnId) => void;
  readonly selection: Selection;
  readonly onSelectionChange: (selection: Selection) => void;
  readonly activeId: string | null;
  readonly onActiveChange: (id: string) => void;
  readonly onOpen: (id: string) => void;
  readonly onRefresh: (ids: readonly string[]) => void;
  readonly onUnwatch: (ids: readonly string[]) => void;
  readonly onCopy: (id: string) => void;
  readonly now: number;
}

const ROW_HEIGHT_PX = 40;
const HEAD_HEIGHT_PX = 40;

/** The watched messages as a virtualised table: only the rows in view are in the DOM, so 10,000+ stay smooth. */
export function MessageTable(props: MessageTableProps) {
  const { t } = useTranslation();
  const words = useMessageWords();
  const { messages, selection, onSelectionChange, activeId } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  // The ids in list order are built only when an action needs them, not on every feed change.
  const shownIds = (): readonly string[] => messages.map((message) => message.id);
  const activeIndex = useMemo(
    () => (activeId === null ? -1 : messages.findIndex((message) => message.id === activeId)),
    [messages, activeId],
  );

  const rowsPainted = useAfterFirstPaint(messages.length > 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is the kept library for 10,000+ rows; this component is not compiler-memoised.
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    // Rows drawn beyond the view, for smooth scrolling: one until the first rows are on screen, so that the first
    // frame draws only what is seen, then six.
    overscan: rowsPainted ? 6 : 1,
    scrollPaddingStart: HEAD_HEIGHT_PX,
    initialRect: initialScrollRect(),
    observeElementRect: observeScrollRect,
    scrollToFn: scrollList,
  });

  // Rows are kept by place, so when the focused row's message moves (a change sorted it elsewhere), focus moves
  // to the row that now shows it.
  const focusedIndex = useRef(activeIndex);
  useLayoutEffect(() => {
    const before = focusedIndex.current;
    focusedIndex.current = activeIndex;
    if (before === activeIndex || before < 0 || activeIndex < 0) return;
    const focusedRow = document.activeElement?.closest('[role="row"]');
    if (focusedRow?.id !== rowDomId(before)) return;
    document.getElementById(rowDomId(activeIndex))?.focus({ preventScroll: true });
  }, [activeIndex]);

  useEffect(() => {
    if (!focusPending.current || activeIndex < 0) return;
    focusPending.current = false;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    requestAnimationFrame(() => document.getElementById(rowDomId(activeIndex))?.focus());
  }, [activeIndex, virtualizer]);

  const moveTo = (index: number, extend: boolean) => {
    const target = messages[Math.max(0, Math.min(messages.length - 1, index))]?.id;
    if (target === undefined) return;
    focusPending.current = true;
    props.onActiveChange(target);
    if (extend) onSelectionChange(extendTo(selection, target, shownIds()));
  };

  const targetIds = (): readonly string[] => {
    if (selection.ids.size > 0) return [...selection.ids];
    return activeId === null ? [] : [activeId];
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' && event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    // The focused row is where arrows start, even before its focus has reached the state.
    const focusedRow = Number(target.closest('[role="row"]')?.getAttribute('aria-rowindex') ?? '0') - 2;
    const current = focusedRow >= 0 ? focusedRow : activeIndex;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT_PX) - 1);
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          moveTo(current + 1, event.shiftKey);
          return true;
        case 'ArrowUp':
          moveTo(current - 1, event.shiftKey);
          return true;
        case 'PageDown':
          moveTo(current + page, event.shiftKey);
          return true;
        case 'PageUp':
          moveTo(current - page, event.shiftKey);
          return true;
        case 'Home':
          moveTo(0, event.shiftKey);
          return true;
        case 'End':
          moveTo(messages.length - 1, event.shiftKey);
          return true;
        case ' ':
          if (activeId !== null && target.tagName !== 'BUTTON') {
            onSelectionChange(toggleId(selection, activeId));
            return true;
          }
          return false;
        case 'Enter':
          if (activeId !== null && target.getAttribute('role') === 'row') {
            props.onOpen(activeId);
            return true;
          }
          return false;
        case 'Delete':
        case 'Backspace':
          if (targetIds().length === 0) return false;
          props.onUnwatch(targetIds());
          return true;
        case 'a':
        case 'A':
          if (!(event.ctrlKey || event.metaKey)) return false;
          onSelectionChange(toggleAll(selection, shownIds()));
          return true;
        default:
          return false;
      }
    })();
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  // Rows get callbacks that never change (they read the latest selection and order when called), so that a feed
  // change re-renders only the rows whose message changed.
  const latest = useRef({
    selection,
    messages,
    onSelectionChange,
    onActiveChange: props.onActiveChange,
    onOpen: props.onOpen,
  });
  useLayoutEffect(() => {
    latest.current = {
      selection,
      messages,
      onSelectionChange,
      onActiveChange: props.onActiveChange,
      onOpen: props.onOpen,
    };
  });
  const onRowClick = useCallback((event: MouseEvent, id: string) => {
    const current = latest.current;
    current.onActiveChange(id);
    if (event.shiftKey)
      current.onSelectionChange(
        extendTo(
          current.selection,
          id,
          current.messages.map((message) => message.id),
        ),
      );
    else if (event.ctrlKey || event.metaKey) current.onSelectionChange(toggleId(current.selection, id));
    else current.onOpen(id);
  }, []);
  const onToggle = useCallback((id: string) => {
    latest.current.onSelectionChange(toggleId(latest.current.selection, id));
  }, []);

  const anySelected = selection.ids.size > 0;
  const allSelected =
    anySelected && messages.length > 0 && messages.every((message) => selection.ids.has(message.id));
  const someSelected =
    anySelected && !allSelected && messages.some((message) => selection.ids.has(message.id));

  return (
    <div
      className="message-table"
      role="table"
      aria-label={t('list.name')}
      aria-rowcount={messages.length + 1}
      aria-busy={props.loading === true}
      aria-describedby="list-keyboard-help"
      onKeyDown={onKeyDown}
    >
      <div ref={scrollRef} className="message-table__scroll">
        <div role="rowgroup" className="message-table__head">
          <div role="row" aria-rowindex={1} className="message-row message-row--head">
            <div role="columnheader" className="cell cell--select">
              <input
                type="checkbox"
                aria-label={t('list.selectAll')}
                checked={allSelected}
                ref={(element) => {
                  if (element) element.indeterminate = someSelected;
                }}
                onChange={() => {
                  onSelectionChange(toggleAll(selection, shownIds()));
                }}
              />
            </div>
            {COLUMNS.map((column) => {
              const sorted = props.sort.column === column;
              return (
                <div
                  key={column}
                  role="columnheader"
                  className={`cell cell--${column} cell--sortable`}
                  aria-sort={sorted ? props.sort.direction : 'none'}
                  // The whole cell sorts (a click on the button, or by keyboard, reaches it too).
                  onClick={() => {
                    props.onSort(column);
                  }}
                >
                  <button type="button" className="sort-button">
                    {t(`list.column_${column}`)}
                    <span className="sort-arrow" aria-hidden="true">
                      {sorted ? (props.sort.direction === 'ascending' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="message-table__body">
          {props.loading === true ? (
            <>
              <div role="row" className="visually-hidden">
                <div role="cell">{t('list.loading')}</div>
              </div>
              <LoadingRows />
            </>
          ) : messages.length === 0 ? (
            <div role="row" className="message-table__empty">
              <div role="cell">{props.totalCount === 0 ? t('list.empty') : t('list.emptyFiltered')}</div>
            </div>
          ) : (
            <div className="message-table__canvas" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const message = messages[item.index];
                if (message === undefined) return null;
                // Rows are kept by their place in the window, not by message: when the messages in view change
                // (new ones sort to the top many times a second), React updates the rows' text instead of building
                // new rows (focus follows the active message: see above).
                return (
                  <MessageRow
                    key={item.index}
                    index={item.index}
                    top={item.start}
                    message={message}
                    selected={selection.ids.has(message.id)}
                    active={message.id === activeId || (activeIndex < 0 && item.index === 0)}
                    now={props.now}
                    words={words}
                    onClick={onRowClick}
                    onToggle={onToggle}
                    onFocusRow={props.onActiveChange}
                    onCopy={props.onCopy}
                    onOpen={props.onOpen}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
      <p id="list-keyboard-help" className="visually-hidden">
        {t('list.keyboardHelp')}
      </p>
    </div>
  );
}
