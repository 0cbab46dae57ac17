import { Notification } from 'electron';
import type { ContractEventMessage } from '../../shared/contract';

/** The OS notification hook: shows the host's `notification` events where the OS supports them. */
export function showNotification(message: ContractEventMessage): void {
  if (message.event !== 'notification' || !Notification.isSupported()) return;
  new Notification({ title: message.payload.title, body: message.payload.body }).show();
}
