import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../../renderer/src/app';
import '../../../renderer/src/styles/app.css';
import { FakeMonitorClient } from '../../fakes/fake-monitor-client';
import { runningHealth } from '../../fakes/message-views';
import { sampleMessages } from './sample-messages';

// The window on a fake client, for looking at it without a host: ?view=first-run|monitor&count=N&blocker=KIND
// (&loading=1: the watch list never arrives).
const params = new URLSearchParams(location.search);
const view = params.get('view') ?? 'monitor';
const count = Number(params.get('count') ?? '300');
const now = Date.now();
const messages = view === 'first-run' ? [] : sampleMessages(count, now);
const blocker = params.get('blocker');
const health = runningHealth(messages.filter((m) => m.phase === 'watching').length, {
  lastSuccessAt: now - 4000,
  blocker:
    blocker === 'rate_limited'
      ? { kind: 'rate_limited', until: now + 42_000, message: 'SMSBAT answered 429 Too Many Requests.' }
      : blocker === 'credentials_rejected'
        ? { kind: 'credentials_rejected', message: 'SMSBAT answered 401: the API key was rejected.' }
        : blocker === 'offline'
          ? {
              kind: 'offline',
              since: now - 60_000,
              nextProbeAt: now + 15_000,
              message: 'connect ECONNREFUSED',
            }
          : null,
});
const fake = new FakeMonitorClient({
  messages,
  health,
  connection:
    view === 'first-run'
      ? { source: 'none', signedInAs: null, demo: false }
      : params.get('demo') === '1'
        ? { source: 'demo', signedInAs: 'user demo', demo: true }
        : { persistent: params.get('persistent') !== '0' },
  holdSnapshot: params.get('loading') === '1',
  preferences: {
    theme: (params.get('theme') as 'light' | 'dark' | null) ?? 'system',
    language: (params.get('lang') as 'en' | 'uk' | null) ?? 'en',
  },
});
const root = document.getElementById('root');
if (root === null) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <App client={fake.client} />
  </StrictMode>,
);
