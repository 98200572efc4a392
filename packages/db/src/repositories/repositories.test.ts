import { describeRepositoryContract } from "@tt/testkit";
import { sql } from "drizzle-orm";
import { listTestDrivers } from "../test-databases";
import { createUnitOfWork } from "./unit-of-work";

for (const driver of listTestDrivers()) {
  describeRepositoryContract(driver.name, async () => {
    const handle = await driver.open();
    return {
      unitOfWork: createUnitOfWork(handle.db),
      tamper: async (statement) => {
        await handle.db.execute(sql.raw(statement));
      },
      close: () => handle.close(),
    };
  });
}
