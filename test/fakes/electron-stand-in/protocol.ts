import { record } from './recorder';

type Handler = (request: Request) => Response | Promise<Response>;

/** `CustomScheme` as Electron documents it. */
interface CustomScheme {
  readonly scheme: string;
  readonly privileges?: Readonly<Record<string, boolean>>;
}

/** Whether the app is ready (set by the app); the protocol module refuses most calls before. */
export const readiness = { ready: false };

/** Electron's `protocol` module: privileged schemes before ready, `handle` after. */
export const protocol = {
  privileged: [] as CustomScheme[],
  handlers: new Map<string, Handler>(),
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (readiness.ready)
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    record('protocol.registerSchemesAsPrivileged', customSchemes);
    this.privileged.push(...customSchemes);
  },
  handle(scheme: string, handler: Handler): void {
    if (!readiness.ready) throw new Error('protocol.handle cannot be used before the app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    record('protocol.handle', { scheme });
    this.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    record('protocol.unhandle', { scheme });
    this.handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  },
  /** Stand-in only: what the page would get for `url` through a handled scheme (null: not handled). */
  async fetchThroughHandler(url: string, method = 'GET'): Promise<Response | null> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (handler === undefined) return null;
    return handler(new Request(url, { method }));
  },
};
