import { z } from "zod";
import { latitudeSchema, longitudeSchema } from "../shared/geo";
import { isoDateSchema, timeOfDaySchema } from "../shared/time-of-day";

/** A yes/no answer; omitted means no. */
const flag = () => z.boolean({ error: "expected true or false" }).default(false);
const required = () => z.boolean({ error: "expected true or false (required)" });
const miles = () =>
  z
    .number({ error: "expected a number of miles" })
    .min(0, { message: "must not be negative" })
    .max(500, { message: "must be at most 500 miles" });
const age = () =>
  z
    .number({ error: "expected an age in whole years" })
    .int({ message: "expected an age in whole years" })
    .min(0, { message: "must not be negative" })
    .max(120, { message: "must be at most 120" });
const point = () =>
  z.object({ lat: latitudeSchema, lon: longitudeSchema }, { error: "expected { lat, lon }" });

/** Age or date of birth; the date of birth wins (age is then worked out on the assessment date). */
const person = {
  age: age().optional(),
  dateOfBirth: isoDateSchema.optional(),
};
const needsAgeOrDob = (value: { age?: number | undefined; dateOfBirth?: string | undefined }) =>
  value.age !== undefined || value.dateOfBirth !== undefined;
const AGE_MESSAGE = { message: "give age or dateOfBirth", path: ["age"] };

export const homeToSchoolCaseSchema = z
  .object({
    regime: z.literal("home-to-school"),
    pupil: z
      .object({
        ...person,
        lowIncome: flag(),
        sen: flag(),
        ehcPlan: flag(),
        disabled: flag(),
        mobilityProblem: flag(),
        cannotWalkBecauseOfNeed: flag(),
      })
      .refine(needsAgeOrDob, AGE_MESSAGE),
    school: z.object({
      qualifying: required(),
      nearestSuitable: required(),
      rankAmongSuitable: z
        .number({ error: "expected a rank (1 = nearest)" })
        .int({ message: "expected a whole rank (1 = nearest)" })
        .min(1, { message: "must be at least 1 (1 = nearest)" })
        .optional(),
      walkingDistanceMiles: miles().optional(),
      roadDistanceMiles: miles().optional(),
      routeSafe: z.boolean({ error: "expected true or false" }).default(true),
      preferredOnReligiousGrounds: flag(),
      location: point().optional(),
    }),
    home: point().optional(),
  })
  .refine((c) => c.school.walkingDistanceMiles !== undefined || (c.home && c.school.location), {
    message: "give the measured walkingDistanceMiles, or home and school.location to estimate it",
    path: ["school", "walkingDistanceMiles"],
  });
export type HomeToSchoolCase = z.infer<typeof homeToSchoolCaseSchema>;

export const post16CaseSchema = z.object({
  regime: z.literal("post-16"),
  student: z
    .object({
      ...person,
      lowIncome: flag(),
      ehcPlan: flag(),
      sen: flag(),
      disabled: flag(),
      cannotTravelIndependently: flag(),
      courseStartAge: age().optional(),
    })
    .refine(needsAgeOrDob, AGE_MESSAGE),
  course: z.object({
    fullTime: z.boolean({ error: "expected true or false" }).default(true),
    nearestSuitable: required(),
    distanceMiles: miles(),
  }),
});
export type Post16Case = z.infer<typeof post16CaseSchema>;

export const adultSocialCareCaseSchema = z.object({
  regime: z.literal("adult-social-care"),
  person: z
    .object({ ...person, ownTransport: flag(), canUsePublicTransport: flag() })
    .refine(needsAgeOrDob, AGE_MESSAGE),
  carePlan: z.object({
    eligibleNeeds: required(),
    transportNeededToMeetNeed: required(),
    familyOrCarerCanTransport: flag(),
  }),
  service: z.object({ distanceMiles: miles() }).optional(),
});
export type AdultSocialCareCase = z.infer<typeof adultSocialCareCaseSchema>;

export const ESCORT_REASONS = [
  "patient-is-child",
  "communication-difficulty",
  "cognitive-or-mental-health",
  "constant-supervision",
  "carer-needed-at-destination",
  "mobility-only",
] as const;

export const neptsCaseSchema = z.object({
  regime: z.literal("nepts"),
  patient: z
    .object({
      ...person,
      medical: z
        .object({
          oxygenNotSelfAdministered: flag(),
          specialisedEquipment: flag(),
          closeMonitoring: flag(),
          cognitiveOrSensoryImpairment: flag(),
          conditionNeedsAssistance: flag(),
          communicableDiseaseNoPrivateTransport: flag(),
          immunocompromisedNoPrivateTransport: flag(),
        })
        .default({} as never),
      mobility: z
        .object({
          stretcher: flag(),
          bariatric: flag(),
          unableToSelfMobilise: flag(),
          wheelchairUser: flag(),
        })
        .default({} as never),
      treatmentMissedOrDelayed: flag(),
      qualifyingBenefit: flag(),
      lowIncomeCertificate: z.enum(["none", "hc2", "hc3"]).default("none"),
    })
    .refine(needsAgeOrDob, AGE_MESSAGE),
  appointment: z.object({
    setting: z.enum(["secondary-care", "primary-care"], {
      error: 'expected "secondary-care" or "primary-care"',
    }),
    nhsFunded: z.boolean({ error: "expected true or false" }).default(true),
    inCentreHaemodialysis: flag(),
    /** A treatment code (never a diagnosis), e.g. "chemotherapy-radiotherapy". */
    treatment: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, {
        message: 'expected a treatment code such as "chemotherapy-radiotherapy"',
      })
      .optional(),
    referredByClinician: z.boolean({ error: "expected true or false" }).default(true),
    separateVisitFromReferral: z.boolean({ error: "expected true or false" }).default(true),
    distanceMiles: miles().optional(),
  }),
  escort: z.object({ reason: z.enum(ESCORT_REASONS) }).optional(),
});
export type NeptsCase = z.infer<typeof neptsCaseSchema>;

/** The statutory categories of eligible disabled person (Transport Act 2000 s146). */
export const ENCTS_DISABILITIES = [
  "blind-or-partially-sighted",
  "profoundly-or-severely-deaf",
  "without-speech",
  "substantially-impaired-walking",
  "no-use-of-both-arms",
  "learning-disability",
  "refused-driving-licence",
] as const;

export const SERVICE_TYPES = [
  "registered-local-bus",
  "registered-drt",
  "s22-community-bus",
  "s19-permit",
  "school-contract",
  "nepts",
  "social-care-contract",
  "volunteer-car",
  "taxi",
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const concessionaryTravelCaseSchema = z.object({
  regime: z.literal("concessionary-travel"),
  person: z
    .object({
      ...person,
      statePensionAgeReached: z.boolean({ error: "expected true or false" }).optional(),
      disability: z.enum(ENCTS_DISABILITIES).optional(),
    })
    .refine(needsAgeOrDob, AGE_MESSAGE),
  journey: z
    .object({
      date: isoDateSchema,
      boardingTime: timeOfDaySchema,
      service: z.enum(SERVICE_TYPES),
      startsInEngland: z.boolean({ error: "expected true or false" }).default(true),
      startsOnLondonNetwork: flag(),
    })
    .optional(),
});
export type ConcessionaryTravelCase = z.infer<typeof concessionaryTravelCaseSchema>;

export const communityTransportCaseSchema = z.object({
  regime: z.literal("community-transport"),
  person: z
    .object({
      ...person,
      disabled: flag(),
      seriouslyIll: flag(),
      memberOfBody: flag(),
      pupilOrStudent: flag(),
      noAccessToPublicTransport: flag(),
    })
    .refine(needsAgeOrDob, AGE_MESSAGE),
  service: z.object({
    type: z.enum(["registered-drt", "s22-community-bus", "s19-permit", "volunteer-car"]),
  }),
});
export type CommunityTransportCase = z.infer<typeof communityTransportCaseSchema>;

/** Any case, told apart by `regime`. */
export const entitlementCaseSchema = z.discriminatedUnion(
  "regime",
  [
    homeToSchoolCaseSchema,
    post16CaseSchema,
    adultSocialCareCaseSchema,
    neptsCaseSchema,
    concessionaryTravelCaseSchema,
    communityTransportCaseSchema,
  ],
  {
    error:
      'regime must be one of "home-to-school", "post-16", "adult-social-care", "nepts", "concessionary-travel", "community-transport"',
  },
);
export type EntitlementCase = z.infer<typeof entitlementCaseSchema>;
