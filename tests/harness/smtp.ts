import type { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  /** The text/plain part, decoded. */
  text: string;
  /** The text/html part, decoded ('' when there is none). */
  html: string;
  /** The message's header block as sent (folded lines joined). */
  headers: string;
}

/** The SMTP account the app is given: the server refuses any other, so a test also proves the credentials are sent. */
const CREDENTIALS = { user: 'portal-mailer', pass: 'test-smtp-password' };
const SMTP_ENV = ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASS', 'EMAIL_FROM'] as const;

const decodeQuotedPrintable = (body: string) =>
  Buffer.from(
    body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1'
  ).toString('utf8');

const decodePart = (headers: string, body: string) => {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1].toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
};

const splitHeaders = (raw: string): [string, string] => {
  const end = raw.search(/\r?\n\r?\n/);
  return end < 0 ? [raw, ''] : [raw.slice(0, end), raw.slice(end).replace(/^\r?\n\r?\n/, '')];
};

/** A subject as nodemailer writes it: plain, or RFC 2047 encoded words (B or Q) for anything beyond ASCII. */
const decodeSubject = (headers: string) => {
  const folded = /^subject:\s*(.*(?:\r?\n[ \t].*)*)/im.exec(headers)?.[1] ?? '';
  return folded
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_match, kind: string, text: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' '))
    );
};

/** A part of a mail as nodemailer builds it (a single text part, or multipart/alternative with HTML), by its type. */
const partOf = (type: 'plain' | 'html', headers: string, body: string): string => {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  if (!boundary) return type === 'plain' ? decodePart(headers, body) : '';
  for (const part of body.split(`--${boundary}`)) {
    const [partHeaders, partBody] = splitHeaders(part.replace(/^\r?\n/, ''));
    if (new RegExp(`content-type:\\s*text/${type}`, 'i').test(partHeaders)) return decodePart(partHeaders, partBody.replace(/\r?\n$/, ''));
  }
  return '';
};

/**
 * A real SMTP server in the test process, on a free port: the app's nodemailer transport delivers to it
 * over the network as it would to a real relay, and the test reads what arrived. Starting it points the
 * SMTP_* settings at it (call it before booting the app); `close` stops it and puts them back.
 */
export const startSmtpServer = async () => {
  const mails: ReceivedMail[] = [];
  let refusing = false;
  const refusedRecipients = new Set<string>();
  const server = new SMTPServer({
    // Plain connections on 127.0.0.1: no certificate to make, and nodemailer then sends AUTH in the clear.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onConnect(_session, callback) {
      if (refusing) return callback(Object.assign(new Error('Service not available (test outage)'), { responseCode: 421 }));
      return callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === CREDENTIALS.user && auth.password === CREDENTIALS.pass) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (refusedRecipients.has(address.address)) return callback(Object.assign(new Error('Mailbox unavailable (test refusal)'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const [headers, body] = splitHeaders(Buffer.concat(chunks).toString('latin1'));
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          subject: decodeSubject(headers),
          text: partOf('plain', headers, body),
          html: partOf('html', headers, body),
          headers: headers.replace(/\r?\n[ \t]+/g, ' '),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const saved = Object.fromEntries(SMTP_ENV.map((name) => [name, process.env[name]]));
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    SMTP_SECURE: 'false',
    SMTP_USER: CREDENTIALS.user,
    SMTP_PASS: CREDENTIALS.pass,
    EMAIL_FROM: 'portal@example.test',
  });
  return {
    mails,
    /** The mails sent to one address, oldest first. */
    to: (address: string) => mails.filter((mail) => mail.to.includes(address)),
    /** An outage: open connections drop (the app keeps a pool of them) and every new one is refused with 421 until `up`. */
    down: () => {
      refusing = true;
      for (const connection of server.connections) connection.close();
    },
    up: () => {
      refusing = false;
    },
    /** Mail to this one address is refused (550) until `accept`, while the rest goes through on the same connections. */
    refuse: (address: string) => {
      refusedRecipients.add(address);
    },
    accept: (address: string) => {
      refusedRecipients.delete(address);
    },
    close: async () => {
      for (const name of SMTP_ENV) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
