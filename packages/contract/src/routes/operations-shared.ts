import { z } from "@hono/zod-openapi";
import { isIsoDate } from "@tt/domain";
import { AUTHENTICATED } from "./security";

/** What the running-the-day routes share: JSON bodies, the day asked for, sign-in and the tag. */
export const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
export const dateQuery = () =>
  z.object({
    date: z
      .string()
      .refine(isIsoDate, { message: 'expected a date "YYYY-MM-DD" that exists' })
      .openapi({ example: "2026-11-24", format: "date" }),
  });
export const common = { security: AUTHENTICATED } as const;
export const tags = ["Running the day"];
