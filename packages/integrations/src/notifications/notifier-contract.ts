/**
 * Test support: the behaviour every {@link Notifier} owes the dispatcher, run against a harness
 * that pairs a notifier with the provider it talks to (a local fake, or a real test service).
 * Not exported from the package.
 */
import { type Notifier, NotifierError, type OutgoingMessage } from "@tt/app";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/** One message as the provider received it. */
export interface Received {
  readonly channel: "email" | "sms";
  /** The recipient the provider was asked to deliver to. */
  readonly to: string;
  /** Email only. */
  readonly subject?: string;
  readonly body: string;
  /** Our message id as the provider kept it (Notify's `reference`, an SMTP header). */
  readonly reference?: string;
  /** The one-click opt-out link the provider was given. */
  readonly optOutUrl?: string;
}

/** A notifier wired to a provider whose side can be read and made to fail. */
export interface NotifierHarness {
  readonly notifier: Notifier;
  /** Every message the provider took, in order of arrival. */
  received(): Promise<Received[]>;
  /** Makes the provider refuse the next message: for good, or for now. */
  failNext(kind: "permanent" | "temporary"): void;
  /** Closes the notifier and the provider. */
  stop(): Promise<void>;
}

const ADDRESS = "ada.lovelace@example.org";
const PHONE = "+447700900123";
const OPT_OUT_URL = "https://transport.example.gov.uk/opt-out/6f1c2e0a9b7d4e3f8a5c1d2b3e4f5a6b";
const SUBJECT = "Pick-up changed: Monday 3 March, 08:15 — Mill Lane";
// Accents, a pound sign, an equals sign, a long line and a line that starts with a dot, so that
// every transfer encoding a provider may choose is exercised.
const BODY = [
  "Hello Zoë,",
  "",
  "Your pick-up on Monday 3 March is now at 08:15 from Mill Lane, opposite the post office. The vehicle is a white minibus with a wheelchair lift; the driver will wait up to five minutes.",
  ".",
  "Fare = £0.00 (entitled travel).",
  "",
  "Cambridgeshire passenger transport",
].join("\n");

const email = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  id: "0b8e5c6e-5f1a-4f5e-9a57-3c1f2d9e7a10",
  channel: "email",
  to: ADDRESS,
  subject: SUBJECT,
  body: BODY,
  ...overrides,
});

const sms = (): OutgoingMessage => ({
  id: "5d2f7a3b-1c4e-4b6a-8f9d-0e1a2b3c4d5e",
  channel: "sms",
  to: PHONE,
  subject: "",
  body: "Pick-up Mon 3 Mar now 08:15, Mill Lane. Reply STOP to stop texts.",
});

/** The error a promise rejected with (failing the test when it resolved). */
async function rejectionOf(promise: Promise<unknown>): Promise<NotifierError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome))
    throw new Error("expected the send to be refused, but it went through");
  expect(outcome.error).toBeInstanceOf(NotifierError);
  if (!(outcome.error instanceof NotifierError)) throw outcome.error;
  return outcome.error;
}

/** Whether an error's message keeps the recipient out of the log. */
function expectNoAddress(error: Error, address: string): void {
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message.toLowerCase()).not.toContain(address.toLowerCase());
  const local = address.split("@")[0] ?? address;
  expect(error.message.toLowerCase()).not.toContain(local.toLowerCase());
}

/** Runs the notifier contract against a fresh harness for each case. */
export function describeNotifierContract(
  name: string,
  makeHarness: () => Promise<NotifierHarness>,
): void {
  describe(`Notifier contract: ${name}`, () => {
    let harness: NotifierHarness;
    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await harness.stop();
    });

    it("sends an email: the provider gets exactly its subject and body, for its recipient", async () => {
      const message = email();
      const { providerReference } = await harness.notifier.send(message);
      expect(typeof providerReference).toBe("string");
      expect(providerReference.trim()).not.toBe("");
      const received = await harness.received();
      expect(received).toHaveLength(1);
      expect(received[0]).toEqual({
        channel: "email",
        to: ADDRESS,
        subject: SUBJECT,
        body: BODY,
        reference: message.id,
      } satisfies Received);
    });

    it("gives each message its own provider reference", async () => {
      const first = await harness.notifier.send(email());
      const second = await harness.notifier.send(
        email({ id: "8c0e1d2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f" }),
      );
      expect(second.providerReference).not.toBe(first.providerReference);
      expect((await harness.received()).map((r) => r.reference)).toEqual([
        "0b8e5c6e-5f1a-4f5e-9a57-3c1f2d9e7a10",
        "8c0e1d2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
      ]);
    });

    it("passes the one-click opt-out link to the provider", async () => {
      await harness.notifier.send(email({ optOutUrl: OPT_OUT_URL }));
      const received = await harness.received();
      expect(received).toHaveLength(1);
      expect(received[0]?.optOutUrl).toBe(OPT_OUT_URL);
      expect(received[0]?.body).toBe(BODY);
    });

    it("a permanent refusal throws a permanent NotifierError that does not name the recipient", async () => {
      harness.failNext("permanent");
      const error = await rejectionOf(harness.notifier.send(email()));
      expect(error.permanent).toBe(true);
      expectNoAddress(error, ADDRESS);
      expect(await harness.received()).toEqual([]);
    });

    it("a temporary failure throws a temporary NotifierError, and the next attempt goes through", async () => {
      harness.failNext("temporary");
      const error = await rejectionOf(harness.notifier.send(email()));
      expect(error.permanent).toBe(false);
      expectNoAddress(error, ADDRESS);
      expect(await harness.received()).toEqual([]);

      await harness.notifier.send(email());
      expect((await harness.received()).map((r) => r.body)).toEqual([BODY]);
    });

    it("sends a text message with its body, when it sends text messages", async (context) => {
      if (!harness.notifier.channels.includes("sms")) context.skip();
      const message = sms();
      const { providerReference } = await harness.notifier.send(message);
      expect(providerReference.trim()).not.toBe("");
      const received = await harness.received();
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        channel: "sms",
        to: PHONE,
        body: message.body,
        reference: message.id,
      });
    });

    it("refuses a text message for good, when it does not send them", async (context) => {
      if (harness.notifier.channels.includes("sms")) context.skip();
      const error = await rejectionOf(harness.notifier.send(sms()));
      expect(error.permanent).toBe(true);
      expectNoAddress(error, PHONE);
      expect(await harness.received()).toEqual([]);
    });
  });
}
