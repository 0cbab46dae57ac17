import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  REQUEST_NAMES,
  type ContractEventMessage,
  type ContractResult,
  type RequestHandlers,
  type RequestName,
} from '../../shared/contract';
import { dispatch, type HandlerErrorSink } from '../host/dispatch';
import { eventChannel, requestChannel } from '../host/ipc-channels';

/** How the IPC wrappers decide who may call. */
export interface ContractIpcOptions {
  /** True when the request comes from our own window's top frame. */
  readonly isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  readonly onHandlerError?: HandlerErrorSink;
  /** Told about refused senders. */
  readonly onRefused?: (name: RequestName, event: IpcMainInvokeEvent) => void;
}

const NOT_ALLOWED: ContractResult<RequestName> = {
  ok: false,
  error: { kind: 'not_allowed', message: 'Requests are only taken from the monitor’s own window.' },
};

/**
 * The one place `ipcMain` is used: one `handle` per contract request, each checking the sender and then running
 * the shared dispatcher (payload validated, typed result, never a throw). Returns the function that removes them.
 */
export function registerContractIpc(handlers: RequestHandlers, options: ContractIpcOptions): () => void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(requestChannel(name), (event, payload: unknown) => {
      if (!options.isTrustedSender(event)) {
        options.onRefused?.(name, event);
        return NOT_ALLOWED;
      }
      return dispatch(handlers, name, payload, options.onHandlerError);
    });
  }
  return () => {
    for (const name of REQUEST_NAMES) ipcMain.removeHandler(requestChannel(name));
  };
}

/** Pushes one contract event to a window (nothing when it is gone). */
export function sendContractEvent(contents: WebContents, message: ContractEventMessage): void {
  if (contents.isDestroyed()) return;
  contents.send(eventChannel(message.event), message.payload);
}
