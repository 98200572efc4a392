import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  AccessLogService,
  AgreementService,
  AuthService,
  BookingService,
  type Boundaries,
  CancellationService,
  type Clock,
  CommissionService,
  CompetitionService,
  ComplianceService,
  ContractService,
  CrewService,
  type CsvTransfer,
  DayQueue,
  DelegationService,
  DpsService,
  DriverRunService,
  defaultSolveCapacity,
  GrantService,
  HandBackReplanner,
  HeldPlans,
  InProcessJobQueue,
  IntegrationAnalysisService,
  type JobQueue,
  JobService,
  JourneyService,
  LotService,
  ManifestService,
  MemberPlanService,
  NeedsSurveyService,
  NotificationService,
  OccupancyService,
  PartnerDesk,
  PartnerService,
  PartnershipService,
  PassengerStandingService,
  PlanMapService,
  type PlanningFailure,
  PlanningService,
  PlanOverrideService,
  PlanPublicationService,
  RegisterService,
  RestoredProblems,
  RetentionService,
  RevisionHistoryService,
  RunEventService,
  type SolveRunner,
  StatusBoardService,
  SubjectRightsService,
  systemClock,
  TapImportService,
  type TravelTimeProvider,
  type UnitOfWork,
} from "@tt/app";
import { createSignInAttemptStore, createUnitOfWork, type DbHandle } from "@tt/db";
import {
  createTravelTimeProvider,
  defaultDataDir,
  type TravelTimeProviderConfig,
} from "@tt/integrations";

/** Everything the HTTP layer may call: use cases only, never the database itself. */
export interface ServerServices {
  readonly unitOfWork: UnitOfWork;
  /** The auditor's view of the organisation's audit log: by person, agreement or record. */
  readonly accessLog: AccessLogService;
  readonly register: RegisterService;
  readonly auth: AuthService;
  readonly csv: CsvTransfer;
  /** Every kind of long work: start, follow, cancel, retry. */
  readonly jobs: JobService;
  readonly planning: PlanningService;
  /** The planner's desk: check and save overrides of a stored plan. */
  readonly planOverrides: PlanOverrideService;
  /** Run manifests for drivers and passenger assistants (audited reads). */
  readonly manifests: ManifestService;
  /** Who crews which vehicle on a date: what a driver's view of runs follows. */
  readonly crew: CrewService;
  /** Plans on a map: positions without names, homes rounded (audited reads). */
  readonly planMaps: PlanMapService;
  readonly memberPlans: MemberPlanService;
  readonly publication: PlanPublicationService;
  /** The booking desk: options for a trip in the day's operating plan, and booking it. */
  readonly bookings: BookingService;
  /** Trips cancelled for a day with a reason, and the figures by reason. */
  readonly cancellations: CancellationService;
  /** Beside a passenger at the desk: their standing under each regime (no reasons). */
  readonly standings: PassengerStandingService;
  /** The desk booking and cancelling for a partner's passengers under a booking agreement. */
  readonly partnerDesk: PartnerDesk;
  /** The driver's phone: their runs of the day, cut down to what the road needs. */
  readonly driverRuns: DriverRunService;
  /** What drivers and assistants mark at stops. */
  readonly runEvents: RunEventService;
  /** The day's runs with their progress and exceptions. */
  readonly statusBoard: StatusBoardService;
  /** Smartcard taps and attendance, imported from CSV. */
  readonly taps: TapImportService;
  /** Observed occupancy against the plans, and the seats to plan for. */
  readonly occupancy: OccupancyService;
  /** Completed journeys and their figures. */
  readonly journeys: JourneyService;
  /** Passengers' contacts and the log of every message about their trips. */
  readonly notifications: NotificationService;
  /** A day plan's revisions: who changed what, when and why, and the runs each changed. */
  readonly revisions: RevisionHistoryService;
  readonly analyses: IntegrationAnalysisService;
  /** Partnerships, data-sharing agreements and reads of partners' data through them. */
  readonly partnerships: PartnershipService;
  readonly agreements: AgreementService;
  readonly partners: PartnerService;
  readonly subjectRights: SubjectRightsService;
  /** The retention schedule, run as a job per organisation. */
  readonly retention: RetentionService;
  /** Operators' vehicles offered to other organisations. */
  readonly grants: GrantService;
  /** Operators' licences, permits, insurance and MOTs. */
  readonly compliance: ComplianceService;
  /** Buyers' dynamic purchasing systems: operators' applications and the decisions. */
  readonly dps: DpsService;
  readonly contracts: ContractService;
  readonly competitions: CompetitionService;
  /** The community transport hub: commissions, journeys, reconciliation. */
  readonly commissions: CommissionService;
  readonly lots: LotService;
  /** Budgets and areas councils delegate to local consortia, and what is committed against them. */
  readonly delegations: DelegationService;
  /** Parish needs surveys: the register of unmet demand. */
  readonly needsSurveys: NeedsSurveyService;
  /** District boundaries for report maps (data/districts.geojson), or undefined without them. */
  boundaries(): Promise<Boundaries | undefined>;
  readonly clock: Clock;
  /** Set `secure` on cookies (true unless serving plain HTTP on localhost for development). */
  readonly secureCookies: boolean;
  readonly driver: DbHandle["driver"];
}

export function buildServices(
  handle: DbHandle,
  options: {
    csv: (unitOfWork: UnitOfWork) => CsvTransfer;
    secureCookies: boolean;
    clock?: Clock;
    /** Built once at start (see `compose`); when omitted, the geometric model, loaded on first use. */
    travelTimes?: TravelTimeProvider;
    /** Where unexpected planning failures are logged (their details never reach API clients). */
    logPlanningFailure?: (failure: PlanningFailure) => void;
    /** Where jobs wait (default: in this process, for the embedded database). */
    queue?: JobQueue;
    /** Jobs this process runs at once; 0 serves the API only (default: cores − 1). */
    workerCapacity?: number;
    /** Where plans are solved; by default each service's worker-thread runner. */
    solveRunner?: SolveRunner;
  },
): ServerServices {
  const unitOfWork = createUnitOfWork(handle.db);
  // Imports, exports and jobs: long work that gives way to requests someone is waiting for.
  const bulk = createUnitOfWork(handle.bulkDb);
  const clock = options.clock ?? systemClock;
  const travelTimes = options.travelTimes ?? lazyTravelTimes({ kind: "geometric" });
  const runner = options.solveRunner ? { runner: options.solveRunner } : {};
  const jobs = new JobService(unitOfWork, {
    bulk,
    queue: options.queue ?? new InProcessJobQueue(unitOfWork.repositories.jobs),
    clock,
    ...(options.logPlanningFailure ? { log: options.logPlanningFailure } : {}),
  });
  // Kept Problems made whole again, shared by checks of plans and planners' changes.
  const problems = new RestoredProblems(travelTimes);
  // Bookings and cancellations of one day, one after another in this process.
  const days = new DayQueue();
  const held = new HeldPlans();
  const bookings = new BookingService(unitOfWork, travelTimes, problems, clock, days, held);
  const cancellations = new CancellationService(unitOfWork, problems, clock, days, held);
  const standings = new PassengerStandingService(unitOfWork, clock);
  const planning = new PlanningService(unitOfWork, {
    travelTimes,
    clock,
    jobs,
    bulk,
    problems,
    ...runner,
  });
  const analyses = new IntegrationAnalysisService(unitOfWork, {
    bulk,
    travelTimes,
    clock,
    jobs,
    ...runner,
  });
  const retention = new RetentionService(jobs, clock);
  // Every kind is registered now: this process may start taking jobs.
  const capacity = options.workerCapacity ?? defaultSolveCapacity();
  if (capacity > 0) jobs.work(capacity);
  return {
    unitOfWork,
    accessLog: new AccessLogService(unitOfWork),
    register: new RegisterService(unitOfWork),
    auth: new AuthService(unitOfWork, clock, {
      signInAttempts: createSignInAttemptStore(handle.db),
    }),
    csv: options.csv(bulk),
    jobs,
    planning,
    planOverrides: new PlanOverrideService(unitOfWork, problems, clock),
    manifests: new ManifestService(unitOfWork),
    crew: new CrewService(unitOfWork),
    planMaps: new PlanMapService(unitOfWork, clock),
    memberPlans: new MemberPlanService(unitOfWork),
    publication: new PlanPublicationService(unitOfWork, clock),
    bookings,
    cancellations,
    partnerDesk: new PartnerDesk(unitOfWork, bookings, cancellations, standings, clock),
    standings,
    driverRuns: new DriverRunService(unitOfWork, clock),
    runEvents: new RunEventService(unitOfWork, clock),
    statusBoard: new StatusBoardService(unitOfWork),
    taps: new TapImportService(unitOfWork),
    occupancy: new OccupancyService(unitOfWork),
    journeys: new JourneyService(unitOfWork),
    revisions: new RevisionHistoryService(unitOfWork),
    notifications: new NotificationService(unitOfWork, clock),
    analyses,
    partnerships: new PartnershipService(unitOfWork),
    agreements: new AgreementService(unitOfWork, clock),
    partners: new PartnerService(unitOfWork, clock),
    subjectRights: new SubjectRightsService(unitOfWork, clock),
    retention,
    grants: new GrantService(unitOfWork),
    compliance: new ComplianceService(unitOfWork, clock),
    dps: new DpsService(unitOfWork, clock),
    contracts: new ContractService(
      unitOfWork,
      clock,
      new HandBackReplanner(unitOfWork, problems, clock, days, held),
    ),
    competitions: new CompetitionService(unitOfWork, problems, clock),
    commissions: new CommissionService(unitOfWork, clock),
    lots: new LotService(unitOfWork),
    delegations: new DelegationService(unitOfWork),
    needsSurveys: new NeedsSurveyService(unitOfWork),
    boundaries: lazyBoundaries(),
    clock,
    secureCookies: options.secureCookies,
    driver: handle.driver,
  };
}

/** A travel-time provider built (its files loaded) the first time it is asked. */
export function lazyTravelTimes(config: TravelTimeProviderConfig): TravelTimeProvider {
  let loading: Promise<TravelTimeProvider> | undefined;
  return {
    name: config.kind,
    async matrix(origins, destinations) {
      loading ??= createTravelTimeProvider(config);
      return (await loading).matrix(origins, destinations);
    },
  };
}

/** The district boundaries in data/, read the first time they are asked for. */
function lazyBoundaries(): () => Promise<Boundaries | undefined> {
  let loading: Promise<Boundaries | undefined> | undefined;
  return () => {
    loading ??= readFile(join(defaultDataDir(), "districts.geojson"), "utf8")
      .then((text) => JSON.parse(text) as Boundaries)
      .catch(() => undefined);
    return loading;
  };
}
