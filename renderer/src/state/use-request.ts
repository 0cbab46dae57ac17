import { useCallback } from 'react';
import type {
  ContractResponses,
  ContractResult,
  RequestName,
  RequestPayload,
} from '../../../shared/contract';
import { contractErrorText } from '../logic/contract-error-text';
import { useClient } from './client-context';
import { useToasts } from './toasts';

/** Calls a request and returns its value, or null after showing its error as a toast. */
export function useRequest(): <N extends RequestName>(
  name: N,
  payload: RequestPayload<N>,
) => Promise<ContractResponses[N] | null> {
  const client = useClient();
  const { push } = useToasts();
  return useCallback(
    async <N extends RequestName>(name: N, payload: RequestPayload<N>) => {
      // A generic index into the client's mapped type: TypeScript cannot correlate name and payload by itself.
      const call = client[name] as unknown as (p: RequestPayload<N>) => Promise<ContractResult<N>>;
      try {
        const result = await call(payload);
        if (result.ok) return result.value;
        push({
          severity: 'error',
          text: (t) => ({
            title: t('errors.requestFailed', { message: contractErrorText(t, result.error) }),
          }),
        });
      } catch (error) {
        push({
          severity: 'error',
          text: (t) => ({ title: t('errors.requestFailed', { message: String(error) }) }),
        });
      }
      return null;
    },
    [client, push],
  );
}
