import { z } from 'zod';
import { AUTH_METHODS, type AuthMethod } from './credentials';
import type {
  EngineChange,
  EngineFeedItem,
  EngineSettings,
  EngineSnapshot,
  MessageView,
  RefreshOutcome,
  WatchResult,
} from './engine-api';
import { baseUrlProblem } from './engine-settings';
import { MAX_MESSAGE_ID_LENGTH } from './message-ids';
import type { MessageEventKind } from './glossary';
import type { HistoryEntry } from './message';
import type { RevealTarget } from './reveal';
import { webhookUpdateSchema, type WebhookInfo } from './webhook-settings';
import { isFinalKind } from './status';

/**
 * The one contract between the window and whichever host serves it (Electron IPC + preload, or the loopback
 * browser host). Requests are named entries with a zod schema for the payload and a response type; pushed events
 * are named too. Hosts map this table generically: adding an entry is a compile error until both hosts and the
 * preload handle it (see `RequestHandlers` and `PreloadBridge`).
 */

/** The most ids one request may name (`watch`, `watchText`, `unwatch`, ...). */
export const MAX_IDS_PER_REQUEST = 200_000;
/** How many rejected tokens a `watchText` answer lists; the rest are counted in `moreRejected`. */
export const LISTED_REJECTIONS = 100;

const messageIds = z.array(z.string().max(MAX_MESSAGE_ID_LENGTH * 4)).max(MAX_IDS_PER_REQUEST);
const optionalIds = messageIds.optional();
const label = z.string().max(100).nullable();
const deadlineMs = z
  .number()
  .positive()
  .max(7 * 86_400_000)
  .nullable();

/** Where the credentials in use came from; the window shows it and never sees the secret itself. */
export const CREDENTIAL_SOURCES = ['none', 'keychain', 'memory', 'environment', 'demo'] as const;

/** Where the credentials in use came from. */
export type CredentialSource = (typeof CREDENTIAL_SOURCES)[number];

/**
 * Why no credentials are in use: none were ever given (or they were forgotten), or the base URL moved to an address
 * the saved credentials were not given for (they are only ever sent to the address they were given for).
 */
export const NO_CREDENTIALS_REASONS = ['not-connected', 'new-address'] as const;

/** Why no credentials are in use. */
export type NoCredentialsReason = (typeof NO_CREDENTIALS_REASONS)[number];

/** What the window may know about the connection: never a key or a password. */
export interface ConnectionInfo {
  readonly source: CredentialSource;
  /** "user demo" or "API key ending 0000", or null with no credentials. */
  readonly signedInAs: string | null;
  /** Where checks go; with no credentials, the saved base URL (the connect form starts from it). */
  readonly baseUrl: string;
  /** How the credentials in use sign in, else the method last connected with (for the form), else null. */
  readonly authMethod: AuthMethod | null;
  /** Why there are no credentials (with `source: 'none'`); null while credentials are in use or the demo runs. */
  readonly noCredentialsReason: NoCredentialsReason | null;
  /** True while the built-in simulator answers instead of SMSBAT. */
  readonly demo: boolean;
  /** False when saved credentials will not survive a restart (no keychain): the window says so. */
  readonly persistent: boolean;
}

/** The result of "Test connection": success, or the exact reason it failed. */
export type ConnectionTestResult =
  | { readonly ok: true; readonly signedInAs: string }
  | { readonly ok: false; readonly kind: string; readonly message: string };

/**
 * A watched message as the window gets it in the feed: everything but its status history (the list never shows it;
 * the detail panel asks for it with `messageHistory`), plus the first final status in that history, which the
 * delivery curve needs. A 10,000-message snapshot without the histories is a quarter smaller and quicker to read.
 */
export type ListedMessage = Omit<MessageView, 'history'> & {
  /** The first final status the monitor saw (from the history), or null when it never saw one. */
  readonly firstFinal: HistoryEntry | null;
};

/** The engine's snapshot as the window gets it: messages without their histories. */
export type ListedSnapshot = Omit<EngineSnapshot, 'messages'> & {
  readonly messages: readonly ListedMessage[];
};

/** A change as the window gets it: upserted messages without their histories. */
export type ListedChange = Omit<EngineChange, 'upserted'> & { readonly upserted: readonly ListedMessage[] };

/** One item of the window's feed: a snapshot, then versioned changes, as `EngineFeedItem` without histories. */
export type ListedFeedItem =
  | { readonly type: 'snapshot'; readonly snapshot: ListedSnapshot }
  | { readonly type: 'change'; readonly change: ListedChange };

/** A message without its history, for the window (see {@link ListedMessage}). */
export function listedMessage(message: MessageView): ListedMessage {
  const { history, ...rest } = message;
  return { ...rest, firstFinal: history.find((entry) => isFinalKind(entry.kind)) ?? null };
}

/** The engine's snapshot without histories. */
export function listedSnapshot(snapshot: EngineSnapshot): ListedSnapshot {
  return { ...snapshot, messages: snapshot.messages.map(listedMessage) };
}

/** A feed item without histories, as hosts push it to the window. */
export function listedFeedItem(item: EngineFeedItem): ListedFeedItem {
  return item.type === 'snapshot'
    ? { type: 'snapshot', snapshot: listedSnapshot(item.snapshot) }
    : { type: 'change', change: { ...item.change, upserted: item.change.upserted.map(listedMessage) } };
}

/** Window preferences kept beside the engine settings. */
export interface UiPreferences {
  readonly theme: 'system' | 'light' | 'dark';
  /** A BCP 47 tag such as "en" or "uk", or "system" to follow the OS. */
  readonly language: 'system' | 'en' | 'uk';
  readonly notify: { readonly delivered: boolean; readonly failed: boolean; readonly overdue: boolean };
}

const credentialsSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('api-key-header'), apiKey: z.string().min(1).max(512) }),
  z.object({ method: z.literal('basic-api-key'), apiKey: z.string().min(1).max(512) }),
  z.object({
    method: z.literal('basic'),
    username: z.string().min(1).max(256),
    password: z.string().min(1).max(512),
  }),
]);

/** An http(s) address with no user name, password, query or fragment; the message never repeats what was typed. */
const baseUrl = z
  .string()
  .max(2048)
  .superRefine((value, context) => {
    const problem = baseUrlProblem(value);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

const connectSchema = z.object({ baseUrl, credentials: credentialsSchema });

const settingsSchema = z
  .object({
    rateCapPerSecond: z.number(),
    concurrency: z.number(),
    watchWindowMs: z.number(),
    firstIntervalMs: z.number(),
    baseUrl,
    authMethod: z.enum(AUTH_METHODS),
  })
  .partial()
  .strict();

const preferencesSchema = z
  .object({
    theme: z.enum(['system', 'light', 'dark']),
    language: z.enum(['system', 'en', 'uk']),
    notify: z
      .object({ delivered: z.boolean(), failed: z.boolean(), overdue: z.boolean() })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

/** The format of an export, and of what import takes back. */
export const EXPORT_FORMATS = ['csv', 'json'] as const;

/** Every request: its payload schema. The response types are in `ContractResponses`. */
export const CONTRACT_REQUESTS = {
  snapshot: z.object({}).strict(),
  /** One message's status history, for the detail panel (the feed carries none). */
  messageHistory: z.object({ messageId: z.string().max(MAX_MESSAGE_ID_LENGTH * 4) }).strict(),
  watch: z.object({ messageIds, label: label.optional(), deadlineMs: deadlineMs.optional() }).strict(),
  /** Raw pasted or dropped text, parsed in the host with the shared parser. */
  watchText: z
    .object({ text: z.string().max(16_000_000), label: label.optional(), deadlineMs: deadlineMs.optional() })
    .strict(),
  unwatch: z.object({ messageIds }).strict(),
  refresh: z.object({ messageIds: optionalIds }).strict(),
  pause: z.object({}).strict(),
  resume: z.object({}).strict(),
  acknowledge: z.object({ messageIds }).strict(),
  clearFinished: z.object({}).strict(),
  setLabel: z.object({ messageIds, label }).strict(),
  setDeadline: z.object({ messageIds, deadlineMs }).strict(),
  getSettings: z.object({}).strict(),
  updateSettings: z.object({ settings: settingsSchema }).strict(),
  getPreferences: z.object({}).strict(),
  updatePreferences: z.object({ preferences: preferencesSchema }).strict(),
  getConnection: z.object({}).strict(),
  /** Saves the credentials (keychain, or memory where there is none) and connects. */
  connect: connectSchema.strict(),
  /** Tries credentials against the base URL without saving them. */
  testConnection: connectSchema.strict(),
  disconnect: z.object({}).strict(),
  startDemo: z.object({}).strict(),
  exportView: z.object({ format: z.enum(EXPORT_FORMATS), messageIds: optionalIds }).strict(),
  importMessages: z.object({ json: z.string().max(64_000_000) }).strict(),
  /** The webhook receiver's settings, URL and refusals. */
  getWebhooks: z.object({}).strict(),
  updateWebhooks: z.object({ webhooks: webhookUpdateSchema }).strict(),
  /** Replaces the secret in the webhook URL (the old URL is refused from then on). */
  newWebhookSecret: z.object({}).strict(),
} as const;

/** The name of a request. */
export type RequestName = keyof typeof CONTRACT_REQUESTS;

/** The payload of a request, as validated. */
export type RequestPayload<N extends RequestName> = z.infer<(typeof CONTRACT_REQUESTS)[N]>;

/** What importing a JSON export did. */
export interface ImportResult {
  readonly imported: number;
  readonly skipped: number;
  readonly problems: readonly string[];
}

/** The response of each request. */
export interface ContractResponses {
  snapshot: ListedSnapshot;
  /** Null when the message is not watched. */
  messageHistory: readonly HistoryEntry[] | null;
  watch: WatchResult;
  /** `rejected` lists the first `LISTED_REJECTIONS`; `moreRejected` counts the rest. */
  watchText: WatchResult & { readonly duplicates: number; readonly moreRejected: number };
  unwatch: readonly string[];
  refresh: readonly RefreshOutcome[];
  pause: null;
  resume: null;
  acknowledge: readonly string[];
  clearFinished: readonly string[];
  setLabel: readonly string[];
  setDeadline: readonly string[];
  getSettings: EngineSettings;
  updateSettings: EngineSettings;
  getPreferences: UiPreferences;
  updatePreferences: UiPreferences;
  getConnection: ConnectionInfo;
  connect: ConnectionInfo;
  testConnection: ConnectionTestResult;
  disconnect: ConnectionInfo;
  startDemo: ConnectionInfo;
  exportView: { readonly fileName: string; readonly mimeType: string; readonly content: string };
  importMessages: ImportResult;
  getWebhooks: WebhookInfo;
  updateWebhooks: WebhookInfo;
  newWebhookSecret: WebhookInfo;
}

/** A notification the host decided to show (the window shows it as a toast where the OS cannot). */
export interface NotificationEvent {
  /** English words for the operating system's notification; the window builds its own from the facts below. */
  readonly title: string;
  /** English words for the operating system's notification. */
  readonly body: string;
  /** The worst kind among the messages it covers, for the icon. */
  readonly severity: 'info' | 'success' | 'warning' | 'error';
  readonly messageIds: readonly string[];
  /** What happened to the one message it covers, or `summary` when it covers several at once. */
  readonly kind: MessageEventKind | 'summary';
  /** The messages it covers, each with what happened to it, in the order they last changed. */
  readonly items: readonly NotificationItem[];
  /** How many of the covered messages had each kind of event. */
  readonly counts: Partial<Readonly<Record<MessageEventKind, number>>>;
}

/** One message a notification covers: the facts a window puts into its own words. */
export interface NotificationItem {
  readonly messageId: string;
  readonly label: string | null;
  readonly kind: MessageEventKind;
  /** SMSBAT's status word as received, e.g. "delivered"; null when the event carries none. */
  readonly rawStatus: string | null;
}

/**
 * Who shows notifications for a host: `host`, the host alone, as operating system notifications (the window shows
 * none); `window`, the window, through the web Notification API where the person allowed it, else as toasts;
 * `toasts`, the window, as in-window toasts only (a desktop host whose OS cannot show notifications).
 */
export type NotificationOwner = 'host' | 'window' | 'toasts';

/** What the host serving the window can do, sent once on subscribe. */
export interface HostCapabilities {
  readonly notifications: NotificationOwner;
}

/** Every pushed event and its payload. */
export interface ContractEvents {
  /** The engine's snapshot, then its versioned changes, without the messages' histories. */
  feed: ListedFeedItem;
  connection: ConnectionInfo;
  preferences: UiPreferences;
  notification: NotificationEvent;
  /** What the host can do; sent first on subscribe. */
  capabilities: HostCapabilities;
  /** Show this message, or the list filtered so: a person clicked a notification or a change in the tray. */
  reveal: RevealTarget;
}

/** The name of a pushed event. */
export type EventName = keyof ContractEvents;

/** Every event name, for the hosts' exhaustive maps. */
export const CONTRACT_EVENTS: readonly EventName[] = [
  'feed',
  'connection',
  'preferences',
  'notification',
  'capabilities',
  'reveal',
];

/** Every request name. */
export const REQUEST_NAMES = Object.keys(CONTRACT_REQUESTS) as RequestName[];

/** What a host must implement: one handler per request; missing one is a compile error. */
export type RequestHandlers = {
  readonly [N in RequestName]: (
    payload: RequestPayload<N>,
  ) => ContractResponses[N] | Promise<ContractResponses[N]>;
};

/**
 * The error a request ends in, as it crosses a host: a kind the window can act on and words for people. `busy`: the
 * browser host has too many of this window's requests unanswered; trying again a moment later works.
 */
export interface ContractError {
  readonly kind: 'invalid_request' | 'invalid_settings' | 'not_allowed' | 'not_saved' | 'failed' | 'busy';
  readonly message: string;
  /** For `invalid_request` / `invalid_settings`: which field and why. */
  readonly problems?: readonly { readonly path: string; readonly message: string }[];
  /** For `not_saved` (a setting the host could not write, and so did not change): why, and which folder. */
  readonly notSaved?: { readonly reason: 'read_only' | 'disk_full' | 'other'; readonly folder: string };
}

/** A request's outcome as it crosses a host. */
export type ContractResult<N extends RequestName> =
  | { readonly ok: true; readonly value: ContractResponses[N] }
  | { readonly ok: false; readonly error: ContractError };

/** What the window calls: one async function per request, and a subscription per event. */
export type MonitorClient = {
  readonly [N in RequestName]: (payload: RequestPayload<N>) => Promise<ContractResult<N>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void): () => void;
};

/** Validates a payload against its request's schema: the parsed payload, or the problems. */
export function parseRequest<N extends RequestName>(
  name: N,
  payload: unknown,
): { ok: true; payload: RequestPayload<N> } | { ok: false; error: ContractError } {
  const result = CONTRACT_REQUESTS[name].safeParse(payload);
  if (result.success) return { ok: true, payload: result.data as RequestPayload<N> };
  return {
    ok: false,
    error: {
      kind: 'invalid_request',
      message: `Invalid ${name} request.`,
      problems: result.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    },
  };
}

/** True for a known request name (hosts check names from the wire before looking them up). */
export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(CONTRACT_REQUESTS, name);
}

/** The name of the preload function that subscribes to an event, e.g. `onFeed`. */
export type EventListenerName<E extends EventName> = `on${Capitalize<E>}`;

/**
 * What the Electron preload exposes on `window.smsbat`: one named function per request and one `onX` per event,
 * nothing generic. The preload's object `satisfies` this, so a new contract entry fails to compile until it is there.
 */
export type PreloadBridge = {
  readonly [N in RequestName]: (payload: RequestPayload<N>) => Promise<ContractResult<N>>;
} & {
  readonly [E in EventName as EventListenerName<E>]: (
    listener: (payload: ContractEvents[E]) => void,
  ) => () => void;
};

/** One pushed event as it crosses a host: its name and payload. */
export type ContractEventMessage = {
  [E in EventName]: { readonly event: E; readonly payload: ContractEvents[E] };
}[EventName];
