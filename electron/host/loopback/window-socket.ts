import type { RawData, WebSocket } from 'ws';
import type { ContractEventMessage, RequestHandlers } from '../../../shared/contract';
import { HEARTBEAT_FRAME } from '../../../shared/browser-link';
import { dispatchUnknown, type HandlerErrorSink } from '../dispatch';
import { admitRequest, isTooFarBehind, type BrowserHostLimits } from './host-limits';
import { busyFrame, failedFrame, responseText } from './http-answers';
import { parseRequestFrame, type ResponseFrame } from './ws-frames';

/** What one window's socket is served with. */
export interface WindowSocketOptions {
  readonly handlers: RequestHandlers;
  readonly subscribe: (listener: (message: ContractEventMessage) => void) => () => void;
  readonly packEvent: (message: ContractEventMessage) => Buffer;
  readonly limits: BrowserHostLimits;
  readonly onHandlerError?: HandlerErrorSink | undefined;
}

function textOf(data: RawData, isBinary: boolean): string {
  if (isBinary) return '';
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * Serves one authenticated window: answers its requests (at most `maxRequestsInFlight` unanswered, the rest get a
 * typed `busy` error), pushes it every event, drops it when more than `maxBufferedBytes` wait unread (it reconnects
 * and gets a fresh snapshot), and pings it every `heartbeatIntervalMs` with a heartbeat frame beside, dropping it
 * when it missed the previous ping. Nothing that goes wrong in answering reaches the host: the window gets a
 * typed error frame instead.
 */
export function serveWindowSocket(ws: WebSocket, options: WindowSocketOptions): void {
  const { limits } = options;
  let inFlight = 0;
  let answeredPing = true;

  const dropIfTooFarBehind = (): void => {
    if (isTooFarBehind(ws.bufferedAmount, limits)) ws.terminate();
  };
  const sendText = (text: string): void => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(text);
    dropIfTooFarBehind();
  };
  const send = (frame: ResponseFrame): void => {
    sendText(responseText(frame));
  };
  const push = (message: ContractEventMessage): void => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(options.packEvent(message), { binary: true });
    dropIfTooFarBehind();
  };

  const unsubscribe = options.subscribe(push);
  const heartbeat = setInterval(() => {
    if (!answeredPing) {
      ws.terminate();
      return;
    }
    answeredPing = false;
    ws.ping();
    sendText(HEARTBEAT_FRAME);
  }, limits.heartbeatIntervalMs);
  heartbeat.unref();
  ws.on('pong', () => {
    answeredPing = true;
  });

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (ws.readyState !== ws.OPEN) return;
    const parsed = parseRequestFrame(textOf(data, isBinary));
    if (!parsed.ok) {
      send(parsed.response);
      return;
    }
    const { id, name, payload } = parsed.frame;
    if (admitRequest(inFlight, limits) === 'busy') {
      send(busyFrame(id));
      return;
    }
    inFlight += 1;
    dispatchUnknown(options.handlers, name, payload, options.onHandlerError)
      .then((result) => {
        send({ id, result });
      })
      .catch((error: unknown) => {
        send(failedFrame(id, error));
      })
      .finally(() => {
        inFlight -= 1;
      });
  });
  ws.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
  ws.on('error', () => {
    ws.terminate();
  });
}
