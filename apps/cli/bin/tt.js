#!/usr/bin/env node
// Entry shim: registers the TypeScript loader so `npx tt` works straight after `npm ci`.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
