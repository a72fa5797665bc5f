import { isIP } from 'node:net';
import type { RedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { InputError } from '../errors.js';
import type { QueueAddress } from './url.js';

/** The BullMQ queue every sweep's points go to; a job carries its own sweep. */
export const QUEUE_NAME = 'addersim-sweep';

/**
 * ioredis options for an address. BullMQ's blocking connections need `maxRetriesPerRequest:
 * null` (commands wait through a reconnect instead of failing). TLS checks the server's
 * certificate for the host name in the URL.
 */
export function redisOptions(address: QueueAddress): RedisOptions {
  return {
    host: address.host,
    port: address.port,
    db: address.db,
    username: address.username,
    password: address.password,
    // SNI takes a host name only; an IP address is still checked against the certificate.
    tls: address.tls ? (isIP(address.host) ? {} : { servername: address.host }) : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * Fails fast, with one line naming the URL (password masked), when Redis cannot be reached or
 * refuses the password; the clients BullMQ opens afterwards retry forever, which would hang.
 */
export async function checkReachable(address: QueueAddress, flag = '--queue'): Promise<void> {
  const client = new Redis({
    ...redisOptions(address),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 10_000,
  });
  let last: Error | undefined;
  client.on('error', (err: Error) => {
    last = err;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    const reason = (last ?? (err as Error)).message.split('\n')[0];
    throw new InputError(
      `${flag} ${address.shown} must be a reachable Redis, not one that fails (${reason})`,
    );
  } finally {
    client.disconnect();
  }
}
