import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { ServerServices } from "../services";
import { createHttpApp } from "./app";
import { REFERENCE_SCRIPT } from "./reference-script";

/** Just enough of the DOM for the reference script. */
class FakeNode {
  readonly children: FakeNode[] = [];
  readonly attributes: Record<string, string> = {};
  private text = "";
  constructor(readonly tag: string) {}
  get textContent(): string {
    return this.text + this.children.map((child) => child.textContent).join("");
  }
  set textContent(value: string) {
    this.text = value;
    this.children.length = 0;
  }
  get firstChild(): FakeNode | null {
    return this.children[0] ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attributes[name] = value;
  }
  appendChild(child: FakeNode): FakeNode {
    this.children.push(child);
    return child;
  }
  findAll(tag: string): FakeNode[] {
    return this.children.flatMap((c) => [...(c.tag === tag ? [c] : []), ...c.findAll(tag)]);
  }
}

async function renderReference(openapi: unknown) {
  const main = new FakeNode("main");
  const nav = new FakeNode("nav");
  const document = {
    title: "",
    getElementById: (id: string) => (id === "content" ? main : nav),
    createElement: (tag: string) => new FakeNode(tag),
    createTextNode: (text: string) => Object.assign(new FakeNode("#text"), { textContent: text }),
  };
  const fetch = async () => new Response(JSON.stringify(openapi), { status: 200 });
  new Function("document", "Node", "fetch", REFERENCE_SCRIPT)(document, FakeNode, fetch);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { main, nav, document };
}

describe("the API reference page's script", () => {
  it("renders every operation and schema of the real OpenAPI document", async () => {
    const app = createHttpApp({} as ServerServices, { logger: pino({ level: "silent" }) });
    const openapi = await (await app.request("/openapi.json")).json();
    const { main, nav, document } = await renderReference(openapi);
    expect(document.title).toMatch(/^Total Transport API/);
    expect(main.findAll("h1").map((h) => h.textContent)).toHaveLength(1);
    const operations = main.findAll("h3").map((h) => h.textContent);
    expect(operations).toContain("GET /api/passengers/{id}");
    expect(operations).toContain("POST /api/trip-requests/import");
    expect(operations).toContain("Passenger");
    expect(main.findAll("h2").map((h) => h.textContent)).toContain("Schemas");
    expect(main.findAll("caption").length).toBeGreaterThan(20);
    expect(main.textContent).toContain("limit");
    expect(nav.findAll("a").length).toBeGreaterThan(5);
  });

  it("says where the description is when it cannot load it", async () => {
    const main = new FakeNode("main");
    const document = {
      getElementById: () => main,
      createElement: (tag: string) => new FakeNode(tag),
    };
    const fetch = async () => new Response("", { status: 503 });
    new Function("document", "Node", "fetch", REFERENCE_SCRIPT)(document, FakeNode, fetch);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(main.textContent).toContain("/openapi.json");
    expect(main.findAll("p")[0]?.attributes.role).toBe("alert");
  });
});
