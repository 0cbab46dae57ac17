import type { TFunction } from 'i18next';
import type { ContractError } from '../../../shared/contract';

/**
 * A request's error in the window's language: a setting the host could not save says why and what to do (the
 * host's own words only for a reason the window has none for); any other error is the host's message.
 */
export function contractErrorText(t: TFunction, error: ContractError): string {
  const notSaved = error.notSaved;
  if (error.kind !== 'not_saved' || notSaved === undefined || notSaved.reason === 'other')
    return error.message;
  return t(`errors.notSaved_${notSaved.reason}`, { folder: notSaved.folder });
}
