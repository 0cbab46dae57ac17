import { DOCUMENTED_STATUSES } from '../../shared/status';

/** The monitor window. For now a placeholder listing the statuses the monitor understands. */
export function App() {
  return (
    <main>
      <h1>SMSBAT Delivery Monitor</h1>
      <p>Paste message IDs to watch their delivery. The watch list arrives in the next release.</p>
      <p>Statuses tracked: {DOCUMENTED_STATUSES.join(', ')}</p>
    </main>
  );
}
