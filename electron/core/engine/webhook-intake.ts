import type { WebhookHealth } from '../../../shared/engine-health';
import type { Clock, TimerHandle } from '../clock';
import { numberOption } from '../option-checks';
import {
  DEFAULT_WEBHOOK_SILENT_AFTER_MS,
  silentFrom,
  webhookMode,
  type WebhookMode,
  type WebhookModeInput,
} from '../webhook/webhook-mode';

/** How the engine hears about webhooks. */
export interface WebhookEngineOptions {
  /** Whether the receiver is on right now (read at each decision). */
  readonly enabled: () => boolean;
  /** No webhook for this long while messages are pending: polling as usual. @default 600_000 */
  readonly silentAfterMs?: number;
}

/**
 * The engine's record of webhook arrivals: when the last came and since when messages are pending, the mode those
 * give (see `webhookMode`), and a timer that announces the turn to silent when it comes.
 */
export class WebhookIntake {
  readonly #clock: Clock;
  readonly #enabled: () => boolean;
  readonly #silentAfterMs: number;
  readonly #onModeChanged: (mode: WebhookMode, before: WebhookMode) => void;
  #reported: WebhookMode = 'off';
  #lastAt: number | null = null;
  #lastAtEpoch: number | null = null;
  #pendingSince: number | null = null;
  #timer: TimerHandle | null = null;

  constructor(
    clock: Clock,
    options: WebhookEngineOptions,
    onModeChanged: (mode: WebhookMode, before: WebhookMode) => void,
  ) {
    this.#clock = clock;
    this.#enabled = options.enabled;
    this.#silentAfterMs = numberOption(
      'webhooks.silentAfterMs',
      options.silentAfterMs,
      DEFAULT_WEBHOOK_SILENT_AFTER_MS,
      {
        min: 0,
        minInclusive: false,
      },
    );
    this.#onModeChanged = onModeChanged;
    this.#reported = this.mode();
  }

  /** The mode right now. */
  mode(): WebhookMode {
    return webhookMode(this.#input());
  }

  /** The webhooks' part of the engine's health, or undefined while the receiver is off. */
  health(): WebhookHealth | undefined {
    const mode = this.mode();
    if (mode === 'off') return undefined;
    return { mode, lastAt: this.#lastAtEpoch, silentAfterMs: this.#silentAfterMs };
  }

  /** A webhook was accepted now. */
  received(): void {
    this.#lastAt = this.#clock.monotonicNow();
    this.#lastAtEpoch = this.#clock.now();
    this.#settle();
  }

  /** How many messages are pending now. */
  pending(count: number): void {
    if (count === 0) this.#pendingSince = null;
    else this.#pendingSince ??= this.#clock.monotonicNow();
    this.#settle();
  }

  /** Stops the timer. */
  close(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #input(): WebhookModeInput {
    return {
      enabled: this.#enabled(),
      lastWebhookAt: this.#lastAt,
      pendingSince: this.#pendingSince,
      now: this.#clock.monotonicNow(),
      silentAfterMs: this.#silentAfterMs,
    };
  }

  #settle(): void {
    this.close();
    const at = silentFrom(this.#input());
    if (at !== null) {
      this.#timer = this.#clock.setTimeout(() => {
        this.#timer = null;
        this.#report();
      }, at - this.#clock.monotonicNow());
    }
    this.#report();
  }

  /** Tells of a change of mode since the last one told (the receiver turned on or off counts at the next event). */
  #report(): void {
    const mode = this.mode();
    const before = this.#reported;
    if (mode === before) return;
    this.#reported = mode;
    this.#onModeChanged(mode, before);
  }
}
