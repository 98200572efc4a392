export {
  type ComplianceRecord,
  ComplianceService,
  type ComplianceUnitOfWork,
} from "./compliance-service";
export { type DpsApplicationView, DpsService, type DpsUnitOfWork } from "./dps-service";
