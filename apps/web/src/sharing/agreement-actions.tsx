import type { AgreementStatusChange, AgreementViewBody, ApiUser } from "@tt/contract";
import { useState } from "react";
import { api, type Problem, problemsOf } from "../api";

/** What came of an administrator's act: a message to show, or the problems to list. */
export type AgreementOutcome =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly problems: Problem[] };

type Act = "approve" | AgreementStatusChange;

interface Choice {
  readonly act: Act;
  readonly text: string;
  readonly done: string;
  readonly className: string;
}

const CHOICES: Record<Act, Omit<Choice, "act">> = {
  approve: {
    text: "Approve for your organisation",
    done: "approved for your organisation",
    className: "govuk-button",
  },
  active: { text: "Activate", done: "activated", className: "govuk-button" },
  suspended: {
    text: "Suspend",
    done: "suspended: access under it stopped",
    className: "govuk-button govuk-button--secondary",
  },
  ended: {
    text: "End (final)",
    done: "ended: access under it stopped",
    className: "govuk-button govuk-button--warning",
  },
};

/** The acts an administrator of the user's organisation may take on the agreement now. */
export function actsFor(view: AgreementViewBody, user: ApiUser): Act[] {
  if (user.role !== "admin") return [];
  const { status } = view.agreement;
  if (status === "ended") return [];
  if (status === "active") return ["suspended", "ended"];
  const mine = view.missingApprovals.includes(user.organisationId);
  const ready = view.missingApprovals.length === 0;
  return [...(mine ? ["approve" as const] : []), ...(ready ? ["active" as const] : []), "ended"];
}

function perform(id: string, act: Act): Promise<AgreementViewBody> {
  return act === "approve" ? api.approveAgreement(id) : api.changeAgreementStatus(id, act);
}

/** An administrator's buttons: approve a draft for their organisation, activate, suspend, end. */
export function AgreementActions({
  view,
  user,
  onOutcome,
}: {
  view: AgreementViewBody;
  user: ApiUser;
  onOutcome: (outcome: AgreementOutcome) => void;
}) {
  const [busy, setBusy] = useState(false);
  const acts = actsFor(view, user);
  if (acts.length === 0) return null;
  const { id, reference } = view.agreement;
  const run = async (act: Act) => {
    setBusy(true);
    try {
      await perform(id, act);
      onOutcome({ ok: true, message: `Agreement ${reference} ${CHOICES[act].done}.` });
    } catch (error) {
      onOutcome({ ok: false, problems: problemsOf(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="govuk-button-group">
      {acts.map((act) => (
        <button
          type="button"
          key={act}
          className={CHOICES[act].className}
          disabled={busy}
          aria-disabled={busy}
          onClick={() => void run(act)}
          data-testid={`agreement-${act}`}
        >
          {CHOICES[act].text}
          <span className="govuk-visually-hidden"> agreement {reference}</span>
        </button>
      ))}
    </div>
  );
}
