/** Where errors thrown by listeners and callbacks end up, so one faulty subscriber cannot stop the engine. */
export type ErrorSink = (error: unknown) => void;

/** The default sink: the error is printed (listeners never see credentials, so there are none to leak). */
export const printError: ErrorSink = (error) => {
  console.error('A monitor listener failed:', error);
};

/** Calls `callback` with `arg`, sending anything it throws to `sink` instead of the caller. */
export function callSafely<T>(callback: (arg: T) => void, arg: T, sink: ErrorSink): void {
  try {
    callback(arg);
  } catch (error) {
    try {
      sink(error);
    } catch {
      // The sink itself failed; there is nowhere left to report to.
    }
  }
}
