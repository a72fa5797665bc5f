import { describe, expect, it } from 'vitest';
import { parseQueueUrl } from '../../src/queue/url.js';

const FORM =
  '--queue must be a URL redis://[:password@]host[:port][/db] or rediss://... (TLS), not';

describe('parseQueueUrl', () => {
  it.each([
    [
      'redis://127.0.0.1:6380/2',
      { host: '127.0.0.1', port: 6380, db: 2, tls: false, shown: 'redis://127.0.0.1:6380/2' },
    ],
    [
      'redis://localhost',
      { host: 'localhost', port: 6379, db: 0, tls: false, shown: 'redis://localhost:6379/0' },
    ],
    [
      'rediss://q.example.org:6390/0',
      {
        host: 'q.example.org',
        port: 6390,
        db: 0,
        tls: true,
        shown: 'rediss://q.example.org:6390/0',
      },
    ],
    [
      'redis://[::1]:7000/1',
      { host: '::1', port: 7000, db: 1, tls: false, shown: 'redis://[::1]:7000/1' },
    ],
  ])('%s', (text, expected) => {
    expect(parseQueueUrl(text)).toEqual({ username: undefined, password: undefined, ...expected });
  });

  it('reads a password and a user, percent-decoded, and never shows the password', () => {
    expect(parseQueueUrl('redis://:p%40ss%3Aw@h:1/0')).toMatchObject({
      password: 'p@ss:w',
      username: undefined,
      shown: 'redis://:***@h:1/0',
    });
    expect(parseQueueUrl('rediss://alice:pw@h/3')).toMatchObject({
      username: 'alice',
      password: 'pw',
      shown: 'rediss://alice:***@h:6379/3',
    });
  });

  it.each([
    ['http://h:6379/0', `${FORM} "http://h:6379/0"`],
    ['h:6379', `${FORM} "h:6379"`],
    ['', `${FORM} ""`],
    [
      'redis://h:6379/0?tls=1',
      `${FORM} "redis://h:6379/0?tls=1" (a query or fragment is not accepted)`,
    ],
    ['redis://h:6379/x', `${FORM} "redis://h:6379/x" (the database must be a number such as /0)`],
    [
      'redis://h:6379/0/1',
      `${FORM} "redis://h:6379/0/1" (the database must be a number such as /0)`,
    ],
    ['redis://:secret@h:99999/0', `${FORM} "redis://:***@h:99999/0"`],
    ['redis://:secret@h:0/0', `${FORM} "redis://:***@h:0/0" (bad port)`],
  ])('refuses %j', (text, message) => {
    expect(() => parseQueueUrl(text)).toThrow(message);
  });
});
