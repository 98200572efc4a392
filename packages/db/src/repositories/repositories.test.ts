import { describeRepositoryContract } from "@tt/testkit";
import { listTestDrivers } from "../test-databases";
import { createUnitOfWork } from "./unit-of-work";

for (const driver of listTestDrivers()) {
  describeRepositoryContract(driver.name, async () => {
    const handle = await driver.open();
    return { unitOfWork: createUnitOfWork(handle.db), close: () => handle.close() };
  });
}
