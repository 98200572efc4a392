import { createServer, type Server, type Socket } from "node:net";
import { type Notifier, NotifierError } from "@tt/app";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { describeNotifierContract, type NotifierHarness, type Received } from "./notifier-contract";
import { REDACTED } from "./redact-addresses";
import { createSmtpNotifier, SMTP_MESSAGE_HEADER } from "./smtp-notifier";

const FROM = "School transport <transport@example.gov.uk>";

// --- A minimal reader of the RFC 5322 messages Nodemailer writes (single-part text). ---

/** A parsed message: its headers (names in lower case, every occurrence) and decoded text. */
interface ParsedMail {
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly text: string;
}

const header = (mail: ParsedMail, name: string): string | undefined =>
  mail.headers.get(name.toLowerCase())?.[0];

/** Bytes of `=XX` escapes and plain characters, as quoted-printable and RFC 2047 "Q" write them. */
function qpBytes(text: string, underscoreIsSpace: boolean): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const hex = text.slice(i + 1, i + 3);
    if (char === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (char === "_" && underscoreIsSpace) {
      bytes.push(0x20);
    } else {
      bytes.push(...Buffer.from(char, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** A header value with its RFC 2047 encoded words decoded (adjacent words joined first). */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  const joined = value.replace(/(\?=)[ \t]+(?==\?)/g, "$1");
  let out = "";
  let last = 0;
  let pending: { charset: string; bytes: Buffer[] } | undefined;
  const flush = () => {
    if (pending) out += new TextDecoder(pending.charset).decode(Buffer.concat(pending.bytes));
    pending = undefined;
  };
  for (const match of joined.matchAll(word)) {
    const [whole, charset = "utf-8", encoding = "Q", encoded = ""] = match;
    if (match.index > last) {
      flush();
      out += joined.slice(last, match.index);
    }
    const bytes =
      encoding.toUpperCase() === "B" ? Buffer.from(encoded, "base64") : qpBytes(encoded, true);
    if (pending && pending.charset === charset.toLowerCase()) pending.bytes.push(bytes);
    else {
      flush();
      pending = { charset: charset.toLowerCase(), bytes: [bytes] };
    }
    last = match.index + whole.length;
  }
  flush();
  return out + joined.slice(last);
}

/** Reads a single-part text/plain message; throws on anything else. */
function parseMail(raw: string): ParsedMail {
  const split = raw.indexOf("\r\n\r\n");
  if (split < 0) throw new Error("message has no blank line after its headers");
  const headers = new Map<string, string[]>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n(?=[ \t])/g, "")
    .split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 1) throw new Error(`malformed header line: ${line}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = decodeWords(line.slice(colon + 1).trim());
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  const type = headers.get("content-type")?.[0] ?? "text/plain";
  if (!/^text\/plain\b/i.test(type)) throw new Error(`not a plain-text message: ${type}`);
  const charset = /charset="?([^";]+)"?/i.exec(type)?.[1] ?? "us-ascii";
  const encoding = (headers.get("content-transfer-encoding")?.[0] ?? "7bit").toLowerCase();
  // The CRLF before SMTP's closing dot ends the last line: SMTP cannot carry a message whose
  // last line has no line break, so the client adds one and it is not part of the text.
  const body = raw.slice(split + 4).replace(/\r\n$/, "");
  let bytes: Buffer;
  if (encoding === "quoted-printable") bytes = qpBytes(body.replace(/=\r\n/g, ""), false);
  else if (encoding === "base64") bytes = Buffer.from(body.replace(/\s+/g, ""), "base64");
  else if (encoding === "7bit" || encoding === "8bit") bytes = Buffer.from(body, "binary");
  else throw new Error(`unexpected transfer encoding: ${encoding}`);
  const text = new TextDecoder(charset).decode(bytes).replace(/\r\n/g, "\n");
  return { headers, text };
}

// --- An in-process SMTP server that keeps what it is sent. ---

interface SmtpHarness extends NotifierHarness {
  /** Every message taken, parsed. */
  readonly mails: ParsedMail[];
  /** Makes the server answer the end of the next message's data with this 5xx or 4xx. */
  rejectNextDataWith(code: number, text: string): void;
}

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

const readAll = async (stream: SMTPServerDataStream): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("binary");
};

async function startSmtpHarness(): Promise<SmtpHarness> {
  const received: Received[] = [];
  const mails: ParsedMail[] = [];
  let failure: "permanent" | "temporary" | undefined;
  let dataRejection: Error | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (failure === "permanent") {
        failure = undefined;
        const text = `5.1.1 <${address.address}>: Recipient address rejected: User unknown`;
        callback(smtpError(550, text));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      readAll(stream).then((raw) => {
        if (failure === "temporary") {
          failure = undefined;
          const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
          callback(smtpError(451, `4.7.1 <${to}>: Greylisted, please try again later`));
          return;
        }
        if (dataRejection) {
          const error = dataRejection;
          dataRejection = undefined;
          callback(error);
          return;
        }
        try {
          const rcptTo = session.envelope.rcptTo.map((r) => r.address);
          if (rcptTo.length !== 1) throw new Error(`expected one recipient, got ${rcptTo.length}`);
          const mail = parseMail(raw);
          const unsubscribe = /^<([^>]+)>$/.exec(header(mail, "list-unsubscribe") ?? "")?.[1];
          const oneClick = header(mail, "list-unsubscribe-post") === "List-Unsubscribe=One-Click";
          mails.push(mail);
          received.push({
            channel: "email",
            to: rcptTo[0]!,
            subject: header(mail, "subject"),
            body: mail.text,
            reference: header(mail, SMTP_MESSAGE_HEADER),
            optOutUrl: oneClick ? unsubscribe : undefined,
          });
          callback();
        } catch (error) {
          callback(smtpError(554, `5.6.0 unreadable message: ${String(error)}`));
        }
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  const notifier = createSmtpNotifier({ url: `smtp://127.0.0.1:${address.port}`, from: FROM });
  return {
    notifier,
    mails,
    received: async () => [...received],
    failNext(kind) {
      failure = kind;
    },
    rejectNextDataWith(code, text) {
      dataRejection = smtpError(code, text);
    },
    async stop() {
      await notifier.close?.();
      await new Promise<void>((resolve) => server.close(resolve));
    },
  };
}

describeNotifierContract("SMTP (in-process smtp-server)", startSmtpHarness);

// --- What the contract does not say about SMTP. ---

const message = {
  id: "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5f7a",
  channel: "email",
  to: "grace.hopper@example.org",
  subject: "Your pick-up tomorrow",
  body: "Your pick-up tomorrow is at 07:50.",
} as const;

async function refusalOf(promise: Promise<unknown>): Promise<NotifierError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof NotifierError)) throw new Error(`expected a NotifierError, got ${error}`);
  return error;
}

describe("SMTP notifier", () => {
  let harness: SmtpHarness | undefined;
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  const notifiers: Notifier[] = [];
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
    for (const notifier of notifiers.splice(0)) await notifier.close?.();
    for (const socket of sockets.splice(0)) socket.destroy();
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
  });

  it("names the reply code and command of a refusal, with the server's words less the address", async () => {
    harness = await startSmtpHarness();
    harness.failNext("permanent");
    const error = await refusalOf(harness.notifier.send(message));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain("550");
    expect(error.message).toContain("RCPT TO");
    expect(error.message).toContain("User unknown");
    expect(error.message).toContain(REDACTED);
    expect(error.message).not.toContain("grace.hopper");
    // The message was refused, not our credentials.
    expect(error.serviceFault).toBe(false);
  });

  it("names the reply code and command of a deferral", async () => {
    harness = await startSmtpHarness();
    harness.failNext("temporary");
    const error = await refusalOf(harness.notifier.send(message));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain("451");
    expect(error.message).toContain("DATA");
    expect(error.message).not.toContain("grace.hopper");
  });

  it("treats a 5xx reply to the message's data as permanent", async () => {
    harness = await startSmtpHarness();
    harness.rejectNextDataWith(554, "5.7.1 Message rejected as spam");
    const error = await refusalOf(harness.notifier.send(message));
    expect(error.permanent).toBe(true);
    expect(error.message).toMatch(/554 after DATA\).*rejected as spam/);
  });

  it("answers the Message-ID as its reference and sends no opt-out headers without a link", async () => {
    harness = await startSmtpHarness();
    const { providerReference } = await harness.notifier.send(message);
    const [mail] = harness.mails;
    expect(mail).toBeDefined();
    expect(header(mail!, "message-id")).toBe(providerReference);
    expect(header(mail!, "from")).toBe(FROM);
    expect(header(mail!, "to")).toBe(message.to);
    expect(mail!.headers.has("list-unsubscribe")).toBe(false);
    expect(mail!.headers.has("list-unsubscribe-post")).toBe(false);
  });

  it("writes both RFC 8058 one-click headers when given an opt-out link", async () => {
    harness = await startSmtpHarness();
    const optOutUrl = "https://transport.example.gov.uk/opt-out/abc123";
    await harness.notifier.send({ ...message, optOutUrl });
    const [mail] = harness.mails;
    expect(header(mail!, "list-unsubscribe")).toBe(`<${optOutUrl}>`);
    expect(header(mail!, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });

  it("a wrong password is the service refusing us, not the message (535 after AUTH)", async () => {
    const guarded = new SMTPServer({
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(_auth, _session, callback) {
        callback(new Error("Invalid username or password"));
      },
    });
    await new Promise<void>((resolve) => guarded.listen(0, "127.0.0.1", () => resolve()));
    const address = guarded.server.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    const notifier = createSmtpNotifier({
      url: `smtp://transport:wrong@127.0.0.1:${address.port}`,
      from: FROM,
    });
    notifiers.push(notifier);
    try {
      const error = await refusalOf(notifier.send(message));
      expect(error.serviceFault).toBe(true);
      expect(error.message).toContain("535");
    } finally {
      await new Promise<void>((resolve) => guarded.close(() => resolve()));
    }
  });

  it("a server that is not listening is a temporary failure", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const address = closed.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    await new Promise((resolve) => closed.close(resolve));
    const notifier = createSmtpNotifier({ url: `smtp://127.0.0.1:${address.port}`, from: FROM });
    notifiers.push(notifier);
    const error = await refusalOf(notifier.send(message));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("gives up on a server that never greets, within its timeout, as a temporary failure", async () => {
    const silent = createServer((socket) => sockets.push(socket));
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    const notifier = createSmtpNotifier({
      url: `smtp://127.0.0.1:${address.port}`,
      from: FROM,
      timeoutMs: 200,
    });
    notifiers.push(notifier);
    const started = Date.now();
    const error = await refusalOf(notifier.send(message));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.permanent).toBe(false);
    expect(error.message).toContain("ETIMEDOUT");
  });
});
