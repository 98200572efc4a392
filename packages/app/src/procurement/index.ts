export {
  type ComplianceRecord,
  ComplianceService,
  type ComplianceUnitOfWork,
} from "./compliance-service";
