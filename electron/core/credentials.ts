import type { Credentials } from '../../shared/credentials';

export {
  AUTH_METHODS,
  describeCredentials,
  type AuthMethod,
  type Credentials,
} from '../../shared/credentials';

/** The request headers that carry the credentials. The values are secrets: never log them. */
export function authHeaders(credentials: Credentials): Record<string, string> {
  switch (credentials.method) {
    case 'api-key-header':
      return { 'x-authorization-key': credentials.apiKey };
    case 'basic':
      return { authorization: basic(credentials.username, credentials.password) };
    case 'basic-api-key':
      return { authorization: basic('@', credentials.apiKey) };
  }
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
