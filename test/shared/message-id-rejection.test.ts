import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_ID_LENGTH, messageIdRejection } from '../../shared/message-ids';

describe('messageIdRejection', () => {
  it('accepts ids the parser accepts', () => {
    expect(messageIdRejection('abc-123_x.y:z')).toBeUndefined();
  });

  it('rejects empty, too long, forbidden and dot-only ids with a reason', () => {
    expect(messageIdRejection('')?.reason).toBe('empty');
    expect(messageIdRejection('x'.repeat(MAX_MESSAGE_ID_LENGTH + 1))?.reason).toBe('too_long');
    expect(messageIdRejection('a/b')).toMatchObject({ reason: 'invalid_characters', token: 'a/b' });
    expect(messageIdRejection('"quoted"')?.reason).toBe('invalid_characters');
    expect(messageIdRejection('..')?.reason).toBe('invalid_characters');
  });
});
