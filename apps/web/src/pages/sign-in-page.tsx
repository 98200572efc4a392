import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/text-field";
import { useTitle } from "../components/use-title";

/** Checks the form before sending it, naming each empty field. */
function missing(email: string, password: string): Problem[] {
  const problems: Problem[] = [];
  if (!email.trim()) problems.push({ text: "Enter your email address", href: "#email" });
  if (!password) problems.push({ text: "Enter your password", href: "#password" });
  return problems;
}

export function SignInPage() {
  useTitle("Sign in");
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const empty = missing(email, password);
    setProblems(empty);
    if (empty.length > 0) return;
    setBusy(true);
    try {
      const user = await api.signIn({ email: email.trim(), password });
      queryClient.setQueryData(["me"], user);
    } catch (error) {
      setProblems(problemsOf(error, { email: "email", password: "password" }));
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (id: string) => problems.find((p) => p.href === `#${id}`)?.text;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">
          Sign in with the email address and password your organisation gave you.
        </p>
        <form onSubmit={submit} noValidate>
          <TextField
            id="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            error={errorOf("email")}
          />
          <TextField
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errorOf("password")}
          />
          <button type="submit" className="govuk-button" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      </div>
    </div>
  );
}
