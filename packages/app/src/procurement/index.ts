export {
  CompetitionService,
  type CompetitionUnitOfWork,
  type CompetitionView,
  type LotEvaluation,
} from "./competition-service";
export {
  type ComplianceRecord,
  ComplianceService,
  type ComplianceUnitOfWork,
} from "./compliance-service";
export { ContractService, type ContractUnitOfWork, type ContractView } from "./contract-service";
export { type DpsApplicationView, DpsService, type DpsUnitOfWork } from "./dps-service";
export { LotService, type LotUnitOfWork, type ProposedLots } from "./lot-service";
