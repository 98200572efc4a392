export {
  CommissionService,
  type CommissionUnitOfWork,
  type MonthReconciliation,
} from "./commission-service";
export {
  CompetitionService,
  type CompetitionUnitOfWork,
  type CompetitionView,
  type LotEvaluation,
} from "./competition-service";
export {
  type ComplianceListing,
  type ComplianceRecord,
  ComplianceService,
  type ComplianceUnitOfWork,
} from "./compliance-service";
export {
  ContractService,
  type ContractUnitOfWork,
  type ContractView,
  type HandedBack,
} from "./contract-service";
export {
  DelegationService,
  type DelegationSpend,
  type DelegationUnitOfWork,
  type DelegationView,
} from "./delegation-service";
export { type DpsApplicationView, DpsService, type DpsUnitOfWork } from "./dps-service";
export { composeExpiryWarning, type ExpiryWarningContext } from "./expiry-warning-words";
export {
  type ExpiryWarningCounts,
  type ExpiryWarningOptions,
  ExpiryWarningSender,
  type ExpiryWarningUnitOfWork,
  WARNED_ROLES,
} from "./expiry-warnings";
export { LotService, type LotUnitOfWork, type ProposedLots } from "./lot-service";
export {
  NeedsSurveyService,
  type NeedsSurveyUnitOfWork,
  SURVEY_COLUMNS,
} from "./needs-survey-service";
