import { contextBridge, ipcRenderer } from 'electron';
import { ContractEventLog } from '../../shared/contract-event-log';
import type {
  ContractEventMessage,
  ContractEvents,
  ContractResult,
  EventName,
  PreloadBridge,
  RequestName,
  RequestPayload,
} from '../../shared/contract';
import { eventChannel, requestChannel } from '../host/ipc-channels';

/** Every event name (a record, so a new event is a compile error here); not imported, to keep zod out of the preload. */
const EVENT_NAMES: Readonly<Record<EventName, true>> = {
  feed: true,
  connection: true,
  preferences: true,
  notification: true,
  capabilities: true,
  reveal: true,
};

/** Every pushed event is received from the start and kept, so a window that subscribes late still gets the state. */
const events = new ContractEventLog();
for (const event of Object.keys(EVENT_NAMES) as EventName[]) {
  ipcRenderer.on(eventChannel(event), (_ipcEvent, payload: unknown) => {
    events.emit({ event, payload } as ContractEventMessage);
  });
}

function request<N extends RequestName>(name: N): (payload: RequestPayload<N>) => Promise<ContractResult<N>> {
  return (payload) => ipcRenderer.invoke(requestChannel(name), payload) as Promise<ContractResult<N>>;
}

function listen<E extends EventName>(
  event: E,
): (listener: (payload: ContractEvents[E]) => void) => () => void {
  return (listener) => events.on(event, listener);
}

/** The window's only way to the main process: one named function per contract entry, nothing generic. */
const bridge = {
  snapshot: request('snapshot'),
  messageHistory: request('messageHistory'),
  watch: request('watch'),
  watchText: request('watchText'),
  unwatch: request('unwatch'),
  refresh: request('refresh'),
  pause: request('pause'),
  resume: request('resume'),
  acknowledge: request('acknowledge'),
  clearFinished: request('clearFinished'),
  setLabel: request('setLabel'),
  setDeadline: request('setDeadline'),
  getSettings: request('getSettings'),
  updateSettings: request('updateSettings'),
  getPreferences: request('getPreferences'),
  updatePreferences: request('updatePreferences'),
  getConnection: request('getConnection'),
  connect: request('connect'),
  testConnection: request('testConnection'),
  disconnect: request('disconnect'),
  startDemo: request('startDemo'),
  exportView: request('exportView'),
  importMessages: request('importMessages'),
  getWebhooks: request('getWebhooks'),
  updateWebhooks: request('updateWebhooks'),
  newWebhookSecret: request('newWebhookSecret'),
  onFeed: listen('feed'),
  onConnection: listen('connection'),
  onPreferences: listen('preferences'),
  onNotification: listen('notification'),
  onCapabilities: listen('capabilities'),
  onReveal: listen('reveal'),
} satisfies PreloadBridge;

contextBridge.exposeInMainWorld('smsbat', bridge);
