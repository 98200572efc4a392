import { boundedText, pageParam, SearchParamProblem, textParam } from "../routes/search-params";

/** The access log's address: `?agreementId=…&userId=…&resourceId=…&page=2`. */
export interface AccessLogSearch {
  readonly page?: number;
  /** Entries of what this person did. */
  readonly userId?: string;
  /** Entries naming this data-sharing agreement. */
  readonly agreementId?: string;
  /** Entries naming this record, e.g. a passenger's: who has seen it. */
  readonly resourceId?: string;
}

const WHERE = "the access log";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idParam(raw: Record<string, unknown>, name: string): string | undefined {
  const text = textParam(raw, name);
  if (text !== undefined && !UUID.test(text)) {
    throw new SearchParamProblem(name, text.slice(0, 40), WHERE, "an id");
  }
  return text;
}

/** Reads the access log's query; an id that is not one is named in an error summary. */
export function readAccessLogSearch(raw: Record<string, unknown>): AccessLogSearch {
  const search = {
    page: pageParam(raw, WHERE),
    userId: idParam(raw, "userId"),
    agreementId: idParam(raw, "agreementId"),
    resourceId: boundedText(raw, "resourceId", WHERE),
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined));
}

/** The API's query for the address's page of `limit` entries. */
export function auditQueryOf(search: AccessLogSearch, limit: number) {
  const { page, ...filters } = search;
  return { ...filters, offset: ((page ?? 1) - 1) * limit, limit };
}
