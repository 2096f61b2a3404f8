import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { errorMessage, sentence } from "../../errors";

/** What the API refused, in a shape a form can show next to the right field. */
export type ApiProblem = {
  message: string;
  code?: string;
  /** The input field the API named (extensions.field, or the first failed validation). */
  field?: string;
  /** For a refused run-config: the key that was refused (e.g. HostConfig.Privileged). */
  key?: string;
};

type ValidationNode = { property?: string; constraints?: Record<string, string>; children?: ValidationNode[] };

/** Flattens class-validator's tree into "field: message" pairs ("env.0.name": "…"). */
export function validationMessages(nodes: unknown, prefix = ""): { field: string; message: string }[] {
  if (!Array.isArray(nodes)) return [];
  return (nodes as ValidationNode[]).flatMap((n) => {
    const field = [prefix, n.property].filter(Boolean).join(".");
    const own = Object.values(n.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationMessages(n.children, field)];
  });
}

/** The API's own words (the first error), with the field it named when it named one. */
export function apiProblem(error: unknown): ApiProblem {
  if (!CombinedGraphQLErrors.is(error)) return { message: errorMessage(error) };
  const first = error.errors[0];
  const ext = (first?.extensions ?? {}) as Record<string, unknown>;
  const code = typeof ext.code === "string" ? ext.code : undefined;
  // Argument validation details, under either name the manager has used for them.
  const invalid = validationMessages(ext.validationErrors ?? ext.validation);
  if (invalid.length) {
    const top = invalid[0];
    return { code, field: topField(top.field), message: sentence(invalid.map((v) => v.message).join("; ")) };
  }
  return {
    code,
    message: errorMessage(error),
    field: typeof ext.field === "string" ? ext.field : undefined,
    key: typeof ext.key === "string" ? ext.key : undefined,
  };
}

/** "input.env.0.name" → "env": forms mark the whole field. */
function topField(path: string): string | undefined {
  const parts = path.split(".").filter((p) => p && p !== "input" && !/^\d+$/.test(p));
  return parts[0];
}
