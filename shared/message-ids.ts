/** The longest message id the monitor accepts, in characters. */
export const MAX_MESSAGE_ID_LENGTH = 128;

/** Why a pasted token is not a message id. */
export type RejectionReason = 'empty' | 'too_long' | 'invalid_characters';

/** A pasted token that is not a message id, with a plain-English explanation for people. */
export interface RejectedToken {
  /** The token as pasted (surrounding quotes included), never shortened. */
  readonly token: string;
  readonly reason: RejectionReason;
  readonly message: string;
}

/** The result of parsing pasted text: unique ids in first-seen order, how many repeats were dropped, and rejects. */
export interface ParsedMessageIds {
  readonly ids: readonly string[];
  readonly duplicates: number;
  readonly rejected: readonly RejectedToken[];
}

const QUOTES: ReadonlySet<string> = new Set(['"', "'", '`', '\u201C', '\u201D', '\u2018', '\u2019']);
const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
const FIRST_DISALLOWED = /[^A-Za-z0-9._:-]/u;
const ONLY_DOTS = /^\.+$/;
/** Tokens longer than this are shortened in messages (the `token` field keeps them whole). */
const SHOWN_TOKEN_LENGTH = 40;

/** Removes any run of straight, backtick or typographic quotes from both ends of a token, in linear time. */
function trimQuotes(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && QUOTES.has(token.charAt(start))) start += 1;
  while (end > start && QUOTES.has(token.charAt(end - 1))) end -= 1;
  return token.slice(start, end);
}

/** True for a UTF-16 high surrogate, which must not be cut off from its partner. */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The token as shown in a message: whole when short, else its start followed by an ellipsis. */
function shownToken(token: string): string {
  if (token.length <= SHOWN_TOKEN_LENGTH) return `"${token}"`;
  let head = token.slice(0, SHOWN_TOKEN_LENGTH);
  if (isHighSurrogate(head.charCodeAt(head.length - 1))) head = head.slice(0, -1);
  return `"${head}…"`;
}

/** Names a character for people: itself in quotes when visible, else its code point (e.g. U+200B). */
function describeCharacter(character: string): string {
  if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(character)) return `"${character}"`;
  const codePoint = character.codePointAt(0) ?? 0;
  return `the invisible character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Builds the rejection for a quote-trimmed token that is not a valid id; undefined when the id is valid. */
function rejectionFor(token: string, id: string): RejectedToken | undefined {
  if (id.length === 0) {
    return { token, reason: 'empty', message: `${shownToken(token)} has no message id inside the quotes` };
  }
  if (id.length > MAX_MESSAGE_ID_LENGTH) {
    const message = `${shownToken(token)} is ${id.length} characters long; a message id has at most ${MAX_MESSAGE_ID_LENGTH}`;
    return { token, reason: 'too_long', message };
  }
  const disallowed = FIRST_DISALLOWED.exec(id)?.[0];
  if (disallowed !== undefined) {
    const message = `${shownToken(token)} contains ${describeCharacter(disallowed)}, which is not allowed in a message id`;
    return { token, reason: 'invalid_characters', message };
  }
  if (ONLY_DOTS.test(id)) {
    const message = `${shownToken(token)} is only dots, which is not a message id`;
    return { token, reason: 'invalid_characters', message };
  }
  return undefined;
}

/**
 * True when `id` is a message id the monitor accepts: 1 to 128 characters from A-Z, a-z, 0-9, `-`, `_`, `.`, `:`,
 * and not only dots (so it can never change a URL path).
 */
export function isValidMessageId(id: string): boolean {
  return id.length <= MAX_MESSAGE_ID_LENGTH && ID_PATTERN.test(id) && !ONLY_DOTS.test(id);
}

/**
 * Checks one id given as is (from any host: IPC, HTTP, the CLI) with the parser's rules: the rejection with its
 * reason, or undefined when the id is valid. Quotes are not trimmed here; a quoted id is rejected.
 */
export function messageIdRejection(id: string): RejectedToken | undefined {
  if (id.length === 0)
    return { token: id, reason: 'empty', message: 'An empty message id is not a message id' };
  return rejectionFor(id, id);
}

/** Limits for parsing text that came from outside (a paste the host must answer in a bounded size). */
export interface MessageIdLimits {
  /** Parsing stops at the first id past this many, and the result says so. @default Infinity */
  readonly maxIds?: number;
  /** Rejections past this many are counted, not listed. @default Infinity */
  readonly maxListedRejections?: number;
}

/** A parse under limits: what `parseMessageIds` gives, plus what the limits left out. */
export interface BoundedMessageIds extends ParsedMessageIds {
  /** Rejected tokens counted but not listed (past `maxListedRejections`). */
  readonly unlistedRejections: number;
  /** True when the text holds more than `maxIds` ids; then `ids` stops at `maxIds` and the rest was not read. */
  readonly overIdLimit: boolean;
}

/** A token: a run of anything but newlines, commas, semicolons and whitespace (no-break spaces and a BOM too). */
const TOKEN = /[^\s,;]+/g;

/**
 * Parses text like `parseMessageIds`, within limits: stops after `maxIds` ids (saying there were more) and lists
 * at most `maxListedRejections` rejections, counting the rest. Walks the text token by token without splitting it.
 */
export function parseMessageIdsWithin(text: string, limits: MessageIdLimits = {}): BoundedMessageIds {
  const maxIds = limits.maxIds ?? Number.POSITIVE_INFINITY;
  const maxListed = limits.maxListedRejections ?? Number.POSITIVE_INFINITY;
  const ids: string[] = [];
  const seen = new Set<string>();
  const rejected: RejectedToken[] = [];
  let unlistedRejections = 0;
  let duplicates = 0;
  const tokens = new RegExp(TOKEN.source, 'g');
  for (let match = tokens.exec(text); match !== null; match = tokens.exec(text)) {
    const token = match[0];
    const id = trimQuotes(token);
    const rejection = rejectionFor(token, id);
    if (rejection !== undefined) {
      if (rejected.length < maxListed) rejected.push(rejection);
      else unlistedRejections += 1;
    } else if (seen.has(id)) {
      duplicates += 1;
    } else if (ids.length >= maxIds) {
      return { ids, duplicates, rejected, unlistedRejections, overIdLimit: true };
    } else {
      seen.add(id);
      ids.push(id);
    }
  }
  return { ids, duplicates, rejected, unlistedRejections, overIdLimit: false };
}

/**
 * Parses pasted text into message ids. Tokens are separated by any mix of newlines, commas, semicolons, spaces and
 * tabs; surrounding quotes are trimmed; repeats are dropped (first occurrence kept) and counted; tokens that are
 * not ids are returned with a reason. Runs in time linear in the length of the text.
 */
export function parseMessageIds(text: string): ParsedMessageIds {
  const { ids, duplicates, rejected } = parseMessageIdsWithin(text);
  return { ids, duplicates, rejected };
}
