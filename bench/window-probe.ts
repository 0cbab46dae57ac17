import { z } from 'zod';

/** What the probe records in the page, read back with `readProbe`. Times are the page's `performance.now()`. */
export const probeStateSchema = z.object({
  /** When the WebSocket message carrying the feed's snapshot reached the page (before the window handled it). */
  snapshotAt: z.number().nullable(),
  /** When the first frame showing the table with every row counted and rows drawn had been painted. */
  shownAt: z.number().nullable(),
  /** The feed changes that reached the page. */
  changesReceived: z.number(),
  /** The page's long tasks (over 50 ms), from Chromium's performance timeline. */
  longTasks: z.array(z.object({ startTime: z.number(), duration: z.number() })),
  /** The moment the page saw as now when asked (for windows of time). */
  now: z.number(),
});

/** What the probe recorded in the page. */
export type ProbeState = z.infer<typeof probeStateSchema>;

/**
 * The function the probe calls once the rows are shown, when the benchmark exposed it: waiting this way needs no
 * script evaluated in the page while the window is busy showing its rows (Playwright's own helper script, which
 * `waitForFunction` evaluates on first use, would otherwise land in the measured time).
 */
export const SHOWN_BINDING = '__windowBenchShown';

/**
 * The script added to the page before the window's own: it notes when the snapshot's WebSocket message arrives
 * (text or binary; it reads only the frame's first bytes) (its listener is registered first, so it runs before the window's), watches the DOM for the table whose
 * `aria-rowcount` counts every message (plus the header row) with at least one message row drawn, then takes the
 * end of the frame that paints it (a `requestAnimationFrame` callback runs before the paint; a message posted from
 * it is handled after), and tells the benchmark through {@link SHOWN_BINDING}. It also keeps every long task from a PerformanceObserver on 'longtask'.
 */
export function probeScript(messageCount: number): string {
  if (!Number.isInteger(messageCount) || messageCount < 1)
    throw new TypeError('messageCount must be a positive integer');
  return `(() => {
  const state = { snapshotAt: null, shownAt: null, changesReceived: 0, longTasks: [] };
  window.__windowBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // A feed event's type from the frame's first bytes: its names ("feed", then the type "snapshot" or "change")
  // come first, in a binary MessagePack frame as in a JSON text one.
  const feedType = (data) => {
    const head =
      typeof data === 'string'
        ? data.slice(0, 48)
        : data instanceof ArrayBuffer
          ? String.fromCharCode(...new Uint8Array(data, 0, Math.min(48, data.byteLength)))
          : '';
    if (!head.includes('feed')) return null;
    const snapshot = head.indexOf('snapshot');
    const change = head.indexOf('change');
    if (snapshot !== -1 && (change === -1 || snapshot < change)) return 'snapshot';
    return change === -1 ? null : 'change';
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const type = feedType(event.data);
        if (type === 'snapshot') {
          state.snapshotAt = performance.now();
          performance.mark('window-bench:snapshot');
        } else if (type === 'change') {
          state.changesReceived += 1;
        }
      });
    }
  };
  const selector = '[role="table"][aria-rowcount="${String(messageCount + 1)}"] [role="row"][aria-rowindex="2"]';
  const observer = new MutationObserver(() => {
    if (state.snapshotAt === null || state.shownAt !== null || document.querySelector(selector) === null) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.shownAt = performance.now();
        performance.mark('window-bench:shown');
        if (typeof window.${SHOWN_BINDING} === 'function') void window.${SHOWN_BINDING}();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-rowcount'] });
})();`;
}

/** Reads the probe's state in the page with the page's now (run with `page.evaluate`, parse with `probeStateSchema`). */
export function readProbeInPage(): unknown {
  const page = globalThis as unknown as { __windowBench?: object };
  return { ...page.__windowBench, now: performance.now() };
}

/** True once the probe saw the rows shown (run with `page.waitForFunction`). */
export function rowsShownInPage(): boolean {
  const page = globalThis as unknown as { __windowBench?: { shownAt: number | null } };
  return typeof page.__windowBench?.shownAt === 'number';
}
