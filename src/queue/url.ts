import { InputError, show } from '../errors.js';

/**
 * Where the queue lives: `redis://[[user]:password@]host[:port][/db]`, or `rediss://` for
 * Redis over TLS (the server's certificate is checked against the system's certificate
 * authorities and NODE_EXTRA_CA_CERTS). Port defaults to 6379 and db to 0, as for redis-cli.
 * Nothing else is accepted: no query string, no fragment, no other scheme, so a typo never
 * silently connects somewhere else.
 */
export interface QueueAddress {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  readonly tls: boolean;
  /** The URL with its password replaced by `***`: what messages and logs may show. */
  readonly shown: string;
}

const FORM = 'a URL redis://[:password@]host[:port][/db] or rediss://... (TLS)';

/** The URL as messages may show it: a password never appears. */
function masked(text: string): string {
  return text.replace(/^([a-z]+:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}

export function parseQueueUrl(text: unknown, flag = '--queue'): QueueAddress {
  const refuse = (why: string): never => {
    const found = typeof text === 'string' ? show(masked(text)) : show(text);
    throw new InputError(`${flag} must be ${FORM}, not ${found}${why ? ` (${why})` : ''}`);
  };
  if (typeof text !== 'string' || text.trim() === '') return refuse('');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return refuse('');
  if (url.search !== '' || url.hash !== '') return refuse('a query or fragment is not accepted');
  // WHATWG URL keeps brackets around IPv6 hosts; the socket wants the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') return refuse('the host is missing');
  const port = url.port === '' ? 6379 : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return refuse('bad port');
  const path = url.pathname === '' ? '/' : url.pathname;
  if (!/^\/(\d{1,9})?$/.test(path)) return refuse('the database must be a number such as /0');
  const db = path === '/' ? 0 : Number(path.slice(1));
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return refuse('bad percent-encoding in the user or password');
    }
  };
  const username = url.username === '' ? undefined : decode(url.username);
  const password = url.password === '' ? undefined : decode(url.password);
  const shown = `${url.protocol}//${username ?? ''}${password !== undefined ? ':***' : ''}${username !== undefined || password !== undefined ? '@' : ''}${url.hostname}:${port}/${db}`;
  return { host, port, db, username, password, tls: url.protocol === 'rediss:', shown };
}
