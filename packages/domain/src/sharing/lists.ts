import { z } from "zod";

/**
 * A list of at least `min` distinct values. A repeat is reported at its own index, naming the
 * value and the field, e.g. `members lists "…" more than once`.
 */
export function distinctListSchema<T extends z.ZodType<string>>(
  item: T,
  field: string,
  min: number,
  tooFew: string,
) {
  return z
    .array(item)
    .min(min, { message: tooFew })
    .superRefine((values, ctx) => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) {
          ctx.addIssue({
            code: "custom",
            path: [index],
            message: `${field} lists "${value}" more than once`,
          });
        }
        seen.add(value);
      });
    });
}
