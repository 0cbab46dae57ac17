import type { Credentials } from '../../../../shared/credentials';
import type { EngineFeedItem, EngineSnapshot } from '../../../../shared/engine-api';
import { applyFeedItem } from '../../../../shared/engine-feed';
import { AuthError } from '../../../../electron/core/errors';
import {
  MonitorEngine,
  type ClientConfig,
  type MonitorEngineOptions,
} from '../../../../electron/core/monitor-engine';
import { VirtualClock } from '../../../../electron/core/virtual-clock';
import { ScriptedStatusClient, type Script } from '../../../fakes/scripted-status-client';

/** scheduled, then processing twice, then delivered. */
export const lifecycle: Script = (_id, call) =>
  call === 0 ? 'scheduled' : call < 3 ? 'processing' : 'delivered';

/** An engine on a virtual clock over a scripted client. */
export function engineKit(script: Script = lifecycle, options: Partial<MonitorEngineOptions> = {}) {
  const clock = new VirtualClock();
  const client = new ScriptedStatusClient(clock, script, 50);
  const listenerErrors: unknown[] = [];
  const engine = new MonitorEngine({
    client,
    clock,
    random: () => 0.5,
    // These tests pin the backoff's timings (a first check at once); the learning policy has tests of its own.
    checkPolicy: 'backoff',
    onListenerError: (error) => listenerErrors.push(error),
    ...options,
  });
  return { clock, client, engine, listenerErrors };
}

/** A client factory whose clients answer from a script only with the right key; 401 otherwise. */
export function keyedFactory(clock: VirtualClock, goodKey: string, script: Script = () => 'delivered') {
  const configs: ClientConfig[] = [];
  const clients: ScriptedStatusClient[] = [];
  const createClient = (config: ClientConfig) => {
    configs.push(config);
    const key = 'apiKey' in config.credentials ? config.credentials.apiKey : config.credentials.password;
    const client = new ScriptedStatusClient(
      clock,
      (id, call, now) =>
        key === goodKey ? script(id, call, now) : new AuthError('SMSBAT rejected the key (401).'),
      50,
    );
    clients.push(client);
    return client;
  };
  return { configs, clients, createClient };
}

/** An API key credentials object. */
export const apiKey = (key: string): Credentials => ({ method: 'api-key-header', apiKey: key });

/** A window's view of the engine: everything it received and the state its reducer keeps. */
export class FeedRecorder {
  readonly items: EngineFeedItem[] = [];
  state: EngineSnapshot | null = null;
  resyncs = 0;

  readonly listener = (item: EngineFeedItem): void => {
    this.items.push(item);
    const step = applyFeedItem(this.state, item);
    if (step.outcome === 'resync') this.resyncs += 1;
    this.state = step.state;
  };

  /** Every message event received, as "kind id". */
  events(): string[] {
    return this.items.flatMap((item) =>
      item.type === 'change' ? item.change.events.map((event) => `${event.kind} ${event.messageId}`) : [],
    );
  }
}
