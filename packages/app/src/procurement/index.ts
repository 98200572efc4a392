export {
  type ComplianceRecord,
  ComplianceService,
  type ComplianceUnitOfWork,
} from "./compliance-service";
export { ContractService, type ContractUnitOfWork, type ContractView } from "./contract-service";
export { type DpsApplicationView, DpsService, type DpsUnitOfWork } from "./dps-service";
