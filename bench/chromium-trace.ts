/** Chromium trace events over the DevTools protocol, for the window's profiling tools. */
import type { CDPSession } from '@playwright/test';

/** One event in Chromium's trace event format (times in µs). */
export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time of a complete event. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: Record<string, unknown>;
}

/** Ends the trace running on `session` and returns every event it recorded. */
export async function collectTrace(session: CDPSession): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (data) => {
    // The protocol types trace events loosely; they are Chromium's trace event format.
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) =>
    session.once('Tracing.tracingComplete', () => {
      resolve();
    }),
  );
  await session.send('Tracing.end');
  await done;
  return events;
}
