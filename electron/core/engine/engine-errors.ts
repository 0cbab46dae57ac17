/** Thrown by an engine method that cannot run once `stop()` was called (e.g. `watch`). */
export class EngineStoppedError extends Error {
  constructor(action: string) {
    super(`The monitor was stopped; cannot ${action}.`);
    this.name = 'EngineStoppedError';
  }
}
