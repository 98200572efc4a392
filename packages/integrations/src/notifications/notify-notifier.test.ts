import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Notifier, NotifierError } from "@tt/app";
import { afterEach, describe, expect, it } from "vitest";
import { describeNotifierContract, type NotifierHarness, type Received } from "./notifier-contract";
import { createNotifyNotifier } from "./notify-notifier";
import { hasProperty, stringProperty } from "./redact-addresses";

// --- A local GOV.UK Notify: the v2 send endpoints, answering as its documentation shows. ---

const EMAIL_TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";
const SMS_TEMPLATE_ID = "9d751e0e-f929-4891-82a1-a3e1c3c18ee3";

/** The service's templates, as Notify keeps them. */
const TEMPLATES: Record<string, { type: "email" | "sms"; subject?: string; body: string }> = {
  [EMAIL_TEMPLATE_ID]: { type: "email", subject: "((subject))", body: "((body))" },
  [SMS_TEMPLATE_ID]: { type: "sms", body: "((body))" },
};

/** An API key as Notify issues it: `keyname-<service id>-<secret>`. */
const apiKeyOf = (serviceId: string, secret: string) => `tt-test-${serviceId}-${secret}`;

/** A documented error answer. */
type Failure = readonly [status: number, error: string, message: string];

const PERMANENT: Failure = [
  400,
  "BadRequestError",
  "Can't send to this recipient using a team-only API key",
];
const TEMPORARY: Failure = [
  429,
  "RateLimitError",
  "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds",
];
const SERVER_ERROR: Failure = [500, "Exception", "Internal server error"];

interface FakeNotify {
  readonly baseUrl: string;
  readonly serviceId: string;
  readonly secret: string;
  readonly received: Received[];
  /** Answers the next send with this documented error. */
  failNextWith(failure: Failure): void;
  close(): Promise<void>;
}

/** The port a server listens on. */
function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return address.port;
}

/** How Notify would refuse this bearer token, or undefined when it is good. */
function tokenRefusal(
  authorization: string | undefined,
  serviceId: string,
  secret: string,
): Failure | undefined {
  const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  if (!token) return [401, "AuthError", "Unauthorized: authentication token must be provided"];
  const problem = tokenProblem(token, serviceId, secret);
  return problem === undefined ? undefined : [403, "AuthError", problem];
}

/** Why Notify would refuse this JWT, or undefined when it is signed with the key and fresh. */
function tokenProblem(token: string, serviceId: string, secret: string): string | undefined {
  const [head, payload, signature] = token.split(".");
  if (!head || !payload || !signature) return "Invalid token: signature, api token not found";
  const expected = createHmac("sha256", secret).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return "Invalid token: signature, api token not found";
  }
  const header: unknown = JSON.parse(Buffer.from(head, "base64url").toString("utf8"));
  const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  if (stringProperty(header, "alg") !== "HS256")
    return "Invalid token: algorithm used is not HS256";
  if (stringProperty(claims, "iss") !== serviceId) return "Invalid token: service not found";
  const iat = hasProperty(claims, "iat") ? claims.iat : undefined;
  if (typeof iat !== "number" || Math.abs(Date.now() / 1000 - iat) > 30) {
    return "Error: Your system clock must be accurate to within 30 seconds";
  }
  return undefined;
}

const readJson = async (request: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
};

const answer = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
};

const refuse = (response: ServerResponse, [status, error, message]: Failure) =>
  answer(response, status, { status_code: status, errors: [{ error, message }] });

/** `((name))` placeholders filled from the personalisation; the names it lacks go in `missing`. */
function render(template: string, personalisation: unknown, missing: string[]): string {
  return template.replace(/\(\(([^)]+)\)\)/g, (_, name: string) => {
    const value = stringProperty(personalisation, name);
    if (value === undefined) missing.push(name);
    return value ?? "";
  });
}

async function startFakeNotify(): Promise<FakeNotify> {
  const serviceId = randomUUID();
  const secret = randomUUID();
  const received: Received[] = [];
  let nextFailure: Failure | undefined;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const type = /^\/v2\/notifications\/(email|sms)$/.exec(request.url ?? "")?.[1];
    if (request.method !== "POST" || (type !== "email" && type !== "sms")) {
      answer(response, 404, { result: "error", message: "Not Found" });
      return;
    }
    const refusal = tokenRefusal(request.headers.authorization, serviceId, secret);
    if (refusal) return refuse(response, refusal);
    const body = await readJson(request);
    if (nextFailure) {
      const failure = nextFailure;
      nextFailure = undefined;
      return refuse(response, failure);
    }
    const templateId = stringProperty(body, "template_id") ?? "";
    const template = TEMPLATES[templateId];
    if (!template) return refuse(response, [400, "BadRequestError", "Template not found"]);
    if (template.type !== type) {
      const message = `${template.type} template is not suitable for ${type} notification`;
      return refuse(response, [400, "BadRequestError", message]);
    }
    const to = stringProperty(body, type === "email" ? "email_address" : "phone_number");
    if (!to) return refuse(response, [400, "ValidationError", `${type} address is required`]);
    const personalisation = hasProperty(body, "personalisation") ? body.personalisation : {};
    const missing: string[] = [];
    const subject = render(template.subject ?? "", personalisation, missing);
    const text = render(template.body, personalisation, missing);
    if (missing.length > 0) {
      const names = missing.join(", ");
      return refuse(response, [400, "BadRequestError", `Missing personalisation: ${names}`]);
    }
    const reference = stringProperty(body, "reference");
    const optOutUrl = stringProperty(body, "one_click_unsubscribe_url");
    const id = randomUUID();
    const baseUrl = `http://${request.headers.host}`;
    const common = {
      id,
      reference: reference ?? null,
      uri: `${baseUrl}/v2/notifications/${id}`,
      template: {
        id: templateId,
        version: 1,
        uri: `${baseUrl}/services/${serviceId}/templates/${templateId}`,
      },
    };
    if (type === "email") {
      received.push({ channel: "email", to, subject, body: text, reference, optOutUrl });
      answer(response, 201, {
        ...common,
        content: {
          body: text,
          subject,
          from_email: "school.transport@notifications.service.gov.uk",
          ...(optOutUrl === undefined ? {} : { one_click_unsubscribe_url: optOutUrl }),
        },
      });
    } else {
      received.push({ channel: "sms", to, body: text, reference });
      answer(response, 201, { ...common, content: { body: text, from_number: "GOVUK" } });
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      answer(response, 500, {
        status_code: 500,
        errors: [{ error: "Exception", message: String(error) }],
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${portOf(server)}`,
    serviceId,
    secret,
    received,
    failNextWith(failure) {
      nextFailure = failure;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startNotifyHarness(): Promise<NotifierHarness & { fake: FakeNotify }> {
  const fake = await startFakeNotify();
  const notifier = createNotifyNotifier({
    apiKey: apiKeyOf(fake.serviceId, fake.secret),
    baseUrl: fake.baseUrl,
    emailTemplateId: EMAIL_TEMPLATE_ID,
    smsTemplateId: SMS_TEMPLATE_ID,
  });
  return {
    fake,
    notifier,
    received: async () => [...fake.received],
    failNext: (kind) => fake.failNextWith(kind === "permanent" ? PERMANENT : TEMPORARY),
    async stop() {
      await notifier.close?.();
      await fake.close();
    },
  };
}

describeNotifierContract("GOV.UK Notify (local fake of the v2 API)", startNotifyHarness);

// --- What the contract does not say about Notify. ---

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

describe("GOV.UK Notify notifier", () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });
  const started = async () => {
    const harness = await startNotifyHarness();
    stops.push(() => harness.stop());
    return harness;
  };

  it("answers Notify's notification id as its reference", async () => {
    const harness = await started();
    const { providerReference } = await harness.notifier.send(message);
    expect(providerReference).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("names Notify's error kind and message of a refusal", async () => {
    const harness = await started();
    harness.failNext("permanent");
    const error = await refusalOf(harness.notifier.send(message));
    expect(error.permanent).toBe(true);
    expect(error.message).toBe(
      "GOV.UK Notify refused the message (400 BadRequestError: Can't send to this recipient using a team-only API key)",
    );
  });

  it("treats a rate limit as temporary", async () => {
    const harness = await started();
    harness.failNext("temporary");
    const error = await refusalOf(harness.notifier.send(message));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain("429 RateLimitError");
  });

  it("treats Notify's 500 Exception as temporary", async () => {
    const harness = await started();
    harness.fake.failNextWith(SERVER_ERROR);
    const error = await refusalOf(harness.notifier.send(message));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain("500 Exception: Internal server error");
  });

  it("keeps addresses out of Notify's words", async () => {
    const harness = await started();
    harness.fake.failNextWith([
      400,
      "ValidationError",
      "email_address grace.hopper@example.org is not a valid email address; call +44 7700 900123",
    ]);
    const error = await refusalOf(harness.notifier.send(message));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain("ValidationError");
    expect(error.message).not.toContain("grace.hopper");
    expect(error.message).not.toContain("7700");
  });

  it("a wrong API key is refused for good (403 AuthError), and nothing is sent", async () => {
    const harness = await started();
    const wrongKey = createNotifyNotifier({
      apiKey: apiKeyOf(harness.fake.serviceId, randomUUID()),
      baseUrl: harness.fake.baseUrl,
      emailTemplateId: EMAIL_TEMPLATE_ID,
      smsTemplateId: SMS_TEMPLATE_ID,
    });
    const error = await refusalOf(wrongKey.send(message));
    expect(error.permanent).toBe(true);
    expect(error.serviceFault).toBe(true);
    expect(error.message).toBe(
      "GOV.UK Notify refused the message (403 AuthError: Invalid token: signature, api token not found)",
    );
    expect(harness.fake.received).toEqual([]);
  });

  it("a Notify that cannot be reached is a temporary failure", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    const notifier = notifierAt(`http://127.0.0.1:${port}`);
    const error = await refusalOf(notifier.send(message));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("gives up on a Notify that never answers, within its timeout, as a temporary failure", async () => {
    const silent: Server = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    stops.push(async () => {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    });
    const notifier = notifierAt(`http://127.0.0.1:${portOf(silent)}`, 200);
    const startedAt = Date.now();
    const error = await refusalOf(notifier.send(message));
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(error.permanent).toBe(false);
    expect(error.message).toContain("ECONNABORTED");
  });
});

function notifierAt(baseUrl: string, timeoutMs?: number): Notifier {
  return createNotifyNotifier({
    apiKey: apiKeyOf(randomUUID(), randomUUID()),
    baseUrl,
    emailTemplateId: EMAIL_TEMPLATE_ID,
    smsTemplateId: SMS_TEMPLATE_ID,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}
