import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AgreementView, StoredPartnership } from "@tt/app";
import {
  type AgreementViewBody,
  approveAgreementRoute,
  changeAgreementStatusRoute,
  draftAgreementRoute,
  getAgreementRoute,
  listAgreementsRoute,
  listPartnershipsRoute,
  listPartnersRoute,
  partnerPassengersCsvRoute,
  partnerPassengersRoute,
  partnershipRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

function presentAgreement(view: AgreementView): AgreementViewBody {
  const { agreement } = view;
  return {
    agreement: {
      ...agreement,
      providers: [...agreement.providers],
      recipients: [...agreement.recipients],
      purposes: [...agreement.purposes],
      dataItems: [...agreement.dataItems],
      approvals: agreement.approvals.map((a) => ({ ...a })),
    },
    missingApprovals: [...view.missingApprovals],
    warnings: view.warnings.map((w) => ({ ...w })),
    parties: view.parties.map((p) => ({ ...p })),
  };
}

const presentPartnership = (p: StoredPartnership) => ({
  ...p,
  members: p.members.map((m) => ({ ...m })),
});

/**
 * Partnerships and data-sharing agreements (`/api/partnership`, `/api/agreements…`), and reads of
 * partners' data through them (`/api/partners…`). Agreements are seen only by their parties;
 * a partner without an active agreement covering the purpose is not found.
 */
export function mountSharingRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { agreements, partners, partnerships } = services;

  app.openapi(partnershipRoute, async (c) => {
    return c.json(presentPartnership(await partnerships.get(actorOf(c))), 200);
  });

  app.openapi(listPartnershipsRoute, async (c) => {
    const items = await partnerships.list(actorOf(c));
    return c.json({ items: items.map(presentPartnership) }, 200);
  });

  app.openapi(listAgreementsRoute, async (c) => {
    const items = await agreements.list(actorOf(c));
    return c.json({ items: items.map(presentAgreement) }, 200);
  });

  app.openapi(draftAgreementRoute, async (c) => {
    const view = await agreements.draft(actorOf(c), c.req.valid("json"));
    return c.json(presentAgreement(view), 201);
  });

  app.openapi(getAgreementRoute, async (c) => {
    const view = await agreements.get(actorOf(c), c.req.valid("param").id);
    return c.json(presentAgreement(view), 200);
  });

  app.openapi(approveAgreementRoute, async (c) => {
    const view = await agreements.approve(actorOf(c), c.req.valid("param").id);
    return c.json(presentAgreement(view), 200);
  });

  app.openapi(changeAgreementStatusRoute, async (c) => {
    const { status, reason } = c.req.valid("json");
    const id = c.req.valid("param").id;
    const view = await agreements.changeStatus(actorOf(c), id, status, reason);
    return c.json(presentAgreement(view), 200);
  });

  app.openapi(listPartnersRoute, async (c) => {
    const items = await partners.listPartners(actorOf(c));
    const body = items.map((p) => ({
      ...p,
      agreements: p.agreements.map((a) => ({
        ...a,
        purposes: [...a.purposes],
        dataItems: [...a.dataItems],
      })),
    }));
    return c.json({ items: body }, 200);
  });

  app.openapi(partnerPassengersRoute, async (c) => {
    const query = c.req.valid("query");
    const provider = c.req.valid("param").organisationId;
    const page = await partners.listPassengers(actorOf(c), provider, query);
    const { offset, limit } = query;
    return c.json(
      { ...page, items: page.items.map((p) => structuredClone(p)), offset, limit },
      200,
    );
  });

  app.openapi(partnerPassengersCsvRoute, async (c) => {
    const provider = c.req.valid("param").organisationId;
    const { csv, agreement } = await partners.exportPassengers(
      actorOf(c),
      provider,
      c.req.valid("query"),
    );
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="partner-passengers-${agreement}.csv"`,
    });
  });
}
