import { listTestDrivers } from "@tt/db";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFixture } from "./http/test-support/fixture";
import { startMessageDispatch } from "./messages";

interface Mail {
  readonly to: string[];
  readonly raw: string;
}

/** An SMTP server on a free local port that keeps every message it is given. */
async function startSmtp(): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        mails.push({ to, raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The day `days` from today, "YYYY-MM-DD". */
const fromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

for (const driver of listTestDrivers()) {
  describe(`expiry warnings through SMTP, as the server runs them (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let smtp: Awaited<ReturnType<typeof startSmtp>>;

    beforeAll(async () => {
      smtp = await startSmtp();
    });
    afterAll(async () => {
      await smtp.close();
    });

    it("sends a round at start-up, once, to the council's administrator", async () => {
      const { call, county, services } = fixture();
      const made = await call("POST", "/api/compliance-documents", {
        token: county.users.admin.token,
        json: {
          kind: "insurance",
          issuer: "Fenland Mutual",
          number: "FLEET-9",
          expiresOn: fromToday(5),
        },
      });
      expect(made.status).toBe(201);
      const config = { smtp: { url: smtp.url, from: "Transport <transport@example.gov.uk>" } };
      const log = { warn: () => {} };
      for (let round = 0; round < 2; round++) {
        const stop = startMessageDispatch(config, services.unitOfWork, log);
        await stop?.();
      }
      expect(smtp.mails.map((m) => m.to)).toEqual([["admin@county.example"]]);
      expect(smtp.mails[0]?.raw).toContain("Insurance FLEET-9");
      expect(smtp.mails[0]?.raw).toMatch(/X-TT-Message:\s+expiry-warning:[0-9a-f-]+:7:/i);
    });
  });
}
