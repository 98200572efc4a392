import { z } from "@hono/zod-openapi";
import { SEATING, VEHICLE_KINDS } from "@tt/domain";

export const manifestStopSchema = z
  .object({
    position: z.number().int(),
    time: z.string().openapi({ description: "Start of service, HH:MM.", example: "08:12" }),
    arrival: z.string().openapi({ description: "Arrival, HH:MM (the vehicle may wait)." }),
    kind: z.enum(["pickup", "dropoff", "break"]),
    tripRequestId: z.string().nullable(),
    tripReference: z.string().nullable(),
    place: z
      .object({
        kind: z.enum(["home", "place"]),
        name: z.string(),
        address: z.string().nullable().openapi({ description: "A home's address as stored." }),
        postcode: z.string().nullable(),
      })
      .nullable(),
    passenger: z.object({ reference: z.string(), name: z.string() }).nullable(),
    needs: z
      .object({
        wheelchair: z.boolean(),
        passengerAssistant: z.boolean(),
        seating: z.enum(SEATING),
        doorThroughDoor: z.boolean(),
        travelAlone: z.boolean(),
        escorts: z.number().int(),
      })
      .nullable(),
    notes: z
      .array(z.string())
      .openapi({ description: "The needs in words, for the printed sheet." }),
    onBoard: z.object({ seats: z.number(), wheelchairs: z.number() }),
  })
  .openapi("ManifestStop");

export const manifestSchema = z
  .object({
    planId: z.uuid(),
    planName: z.string(),
    serviceDate: z.string(),
    revision: z.number().int(),
    vehicle: z.object({
      id: z.string(),
      reference: z.string(),
      kind: z.enum(VEHICLE_KINDS),
      layout: z.object({ seats: z.number().int(), wheelchairSpaces: z.number().int() }),
      features: z.array(z.string()),
      passengerAssistant: z.boolean().openapi({
        description: "Whether the run carries a passenger assistant (not yet rostered by name).",
      }),
    }),
    stops: z.array(manifestStopSchema),
  })
  .openapi("Manifest");
export type ManifestView = z.infer<typeof manifestSchema>;
