/** Which address a request comes from, behind zero, one or several trusted proxies. */
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '../../server/http/client-ip.ts';

describe('clientAddressOf', () => {
  const socket = '10.0.0.2';

  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddressOf({ forwardedFor: '1.2.3.4', socket, trustedHops: 0 })).toBe(socket);
  });

  it('takes the entry the trusted proxy appended, not what the client wrote before it', () => {
    expect(clientAddressOf({ forwardedFor: '6.6.6.6, 203.0.113.7', socket, trustedHops: 1 })).toBe(
      '203.0.113.7',
    );
    expect(clientAddressOf({ forwardedFor: '203.0.113.7', socket, trustedHops: 1 })).toBe('203.0.113.7');
  });

  it('counts the proxies from the right: with two, the second entry from the right', () => {
    expect(clientAddressOf({ forwardedFor: '6.6.6.6, 203.0.113.7, 10.0.0.9', socket, trustedHops: 2 })).toBe(
      '203.0.113.7',
    );
  });

  it('reads several X-Forwarded-For headers as one list', () => {
    expect(clientAddressOf({ forwardedFor: ['6.6.6.6', '203.0.113.7'], socket, trustedHops: 1 })).toBe(
      '203.0.113.7',
    );
  });

  it('falls back to the socket address when the header is missing, short or empty', () => {
    expect(clientAddressOf({ forwardedFor: undefined, socket, trustedHops: 1 })).toBe(socket);
    expect(clientAddressOf({ forwardedFor: '203.0.113.7', socket, trustedHops: 2 })).toBe(socket);
    expect(clientAddressOf({ forwardedFor: ' , ', socket, trustedHops: 1 })).toBe(socket);
    expect(clientAddressOf({ forwardedFor: '6.6.6.6, ', socket, trustedHops: 1 })).toBe(socket);
  });

  it('says unknown when there is no address at all', () => {
    expect(clientAddressOf({ forwardedFor: undefined, socket: undefined, trustedHops: 1 })).toBe('unknown');
  });
});
