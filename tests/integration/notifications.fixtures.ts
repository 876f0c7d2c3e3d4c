/**
 * What the notification tests use beside the server: the next notification a socket hears, and
 * just enough of an SMTP server to see what nodemailer sends.
 */
import { type AddressInfo, createServer } from 'node:net';
import type { Socket } from 'socket.io-client';
import type { Notification } from '../../shared/notifications.ts';
import { APP_EVENTS } from '../../shared/protocol/index.ts';

/** The next notification `socket` hears that `match` accepts. */
export function nextNotification(socket: Socket, match: (n: Notification) => boolean): Promise<Notification> {
  return new Promise((resolve) => {
    const listener = (n: Notification) => {
      if (!match(n)) return;
      socket.off(APP_EVENTS.notificationCreated, listener);
      resolve(n);
    };
    socket.on(APP_EVENTS.notificationCreated, listener);
  });
}

/** Just enough SMTP to accept mail from nodemailer and keep each message's recipient and text. */
export async function fakeSmtpServer() {
  const messages: { to: string; data: string }[] = [];
  const server = createServer((socket) => {
    let to = '';
    let data: string[] | null = null;
    let pending = '';
    socket.write('220 fake.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      pending += chunk.toString();
      for (let end = pending.indexOf('\r\n'); end !== -1; end = pending.indexOf('\r\n')) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (data) {
          if (line === '.') {
            messages.push({ to, data: data.join('\n') });
            data = null;
            socket.write('250 queued\r\n');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'RCPT') to = line;
        if (verb === 'DATA') {
          data = [];
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, messages, close: () => server.close() };
}

/** The text of a quoted-printable body, decoded as UTF-8. */
export function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
