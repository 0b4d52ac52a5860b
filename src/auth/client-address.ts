import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The address a request comes from, as the rate limits key it. The socket's peer, unless
 * `trustedHops` proxies (TRUST_PROXY) stand in front of the API: each appends the address
 * it saw to X-Forwarded-For, so the client is the entry `trustedHops` from the right; the
 * entries further left are whatever the client wrote, and never read. An IPv6 client is
 * keyed by its /64, which one subscriber usually holds whole.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  let address = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops > 0) {
    const header = req.headers['x-forwarded-for'];
    const forwarded = (typeof header === 'string' ? header : '').split(',').map((entry) => entry.trim());
    for (let hop = 1; hop <= trustedHops && forwarded.length > 0; hop += 1) {
      const entry = forwarded.pop()!;
      // A trusted proxy writes an address; anything else ends the walk at the last good one.
      if (!isIP(entry)) break;
      address = entry;
    }
  }
  return addressKey(address);
}

function addressKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(plain) === 6 ? ipv6Prefix64(plain) : plain;
}

/** The first four groups of an IPv6 address, expanded (`2001:db8:1:2::/64`). */
function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
