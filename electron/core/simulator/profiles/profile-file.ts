import { readFileSync } from 'node:fs';
import { ProfileError, parseDeliveryProfile, type DeliveryProfile } from './delivery-profile';

/** Reads and checks a delivery profile JSON file; throws a {@link ProfileError} naming the file, field and reason. */
export function readProfileFile(path: string): DeliveryProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new ProfileError(
      path,
      code === 'ENOENT' ? 'no such file' : `cannot be read (${String(code ?? error)})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProfileError(
      path,
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return parseDeliveryProfile(json, path);
}
