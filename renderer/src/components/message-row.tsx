import { memo, type MouseEvent } from 'react';
import type { ListedMessage } from '../../../shared/contract';
import { bucketOf } from '../../../shared/totals';
import { formatDateTime, formatNumber, formatRelative } from '../i18n/format';
import { StatusIcon } from './status-icon';
import type { MessageWords } from './use-message-words';

/** The DOM id of a row, for focusing it after keyboard moves. */
export function rowDomId(index: number): string {
  return `message-row-${String(index)}`;
}

/** What one row of the list shows and calls back. */
export interface MessageRowProps {
  readonly index: number;
  readonly top: number;
  readonly message: ListedMessage;
  readonly selected: boolean;
  readonly active: boolean;
  readonly now: number;
  /** The window's words, one object per language (so a row needs no translation hooks of its own). */
  readonly words: MessageWords;
  readonly onClick: (event: MouseEvent, id: string) => void;
  readonly onToggle: (id: string) => void;
  readonly onFocusRow: (id: string) => void;
  readonly onCopy: (id: string) => void;
  readonly onOpen: (id: string) => void;
}

/** One message row; memoised so that a change to one message re-renders one row. */
export const MessageRow = memo(function MessageRow(props: MessageRowProps) {
  const { message, words } = props;
  const bucket = bucketOf(message);
  const snapshot = message.snapshot;
  const charge = snapshot?.charge ?? null;
  const lastChange = message.lastChangedAt ?? message.addedAt;
  const error = message.lastError;
  const cost = charge === null ? null : words.moneyCell(charge.amount, charge.currency);
  return (
    <div
      id={rowDomId(props.index)}
      role="row"
      aria-rowindex={props.index + 2}
      aria-selected={props.selected}
      tabIndex={props.active ? 0 : -1}
      className={`message-row message-row--contained${props.selected ? ' is-selected' : ''}${props.active ? ' is-active' : ''}`}
      style={{ transform: `translateY(${props.top}px)` }}
      onClick={(event) => {
        props.onClick(event, message.id);
      }}
      onFocus={(event) => {
        if (event.target === event.currentTarget) props.onFocusRow(message.id);
      }}
    >
      <div role="cell" className="cell cell--select">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={words.selectRow(message.id)}
          checked={props.selected}
          onClick={(event) => {
            event.stopPropagation();
          }}
          onChange={() => {
            props.onToggle(message.id);
          }}
        />
      </div>
      <div role="cell" className="cell cell--id">
        <span className="mono">{message.id}</span>
        <button
          type="button"
          tabIndex={-1}
          className="icon-button copy-button"
          aria-label={words.copyId(message.id)}
          title={words.copyId(message.id)}
          onClick={(event) => {
            event.stopPropagation();
            props.onCopy(message.id);
          }}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M5.5 5.5h7v8h-7zM3.5 10.5v-8h7" />
          </svg>
        </button>
      </div>
      <div role="cell" className="cell cell--label" title={message.label ?? undefined}>
        {message.label ?? ''}
      </div>
      <div role="cell" className={`cell cell--status status--${bucket}`}>
        <StatusIcon bucket={bucket} />
        <span>{words.status(message, props.now)}</span>
        {message.overdue && message.phase === 'watching' ? (
          <span className="tag tag--warning">{words.overdue}</span>
        ) : null}
      </div>
      <div role="cell" className="cell cell--channel">
        {words.channels(snapshot)}
      </div>
      <div role="cell" className="cell cell--parts num">
        {snapshot?.partsCount == null ? '' : formatNumber(words.locale, snapshot.partsCount)}
      </div>
      <div role="cell" className="cell cell--cost num" title={cost?.title}>
        {cost?.text ?? ''}
      </div>
      <div role="cell" className="cell cell--lastChange" title={formatDateTime(words.locale, lastChange)}>
        {/* A change the host saw a moment after this window's clock last ticked still reads as past. */}
        {formatRelative(words.locale, Math.min(lastChange, props.now), props.now)}
      </div>
      <div role="cell" className="cell cell--nextCheck">
        {words.nextCheck(message, props.now)}
      </div>
      <div role="cell" className="cell cell--error" title={error?.message}>
        {error === null ? '' : words.errorKind(error.kind)}
      </div>
    </div>
  );
});
