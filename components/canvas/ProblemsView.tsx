"use client";
import type { LimitViolation } from "@/lib/graph";
import type { ValidationError } from "@/lib/validate";

/** Every problem of the route, in the API server's words, with the split offer for limits. */
export function ProblemsView(props: {
  errors: readonly ValidationError[];
  limits: readonly LimitViolation[];
  problem?: string;
  onSplit?: () => void;
  readOnly: boolean;
}) {
  const { errors, limits } = props;
  if (errors.length === 0 && limits.length === 0 && !props.problem)
    return (
      <p className="text-xs text-emerald-800" role="status">
        No problems: the API server should accept this route.
      </p>
    );
  const splittable = limits.some((l) => l.splittable);
  return (
    <div className="space-y-2 text-xs" data-problem-list>
      {props.problem && <p className="text-amber-800">{props.problem}</p>}
      {limits.length > 0 && (
        <div className="rounded border border-amber-300 bg-amber-50 p-2" data-limits>
          <ul className="list-disc pl-4">
            {limits.map((l, i) => (
              <li key={i}>{l.message}</li>
            ))}
          </ul>
          {splittable && props.onSplit && !props.readOnly && (
            <button type="button" onClick={props.onSplit} className="mt-1 rounded bg-amber-600 px-2 py-1 font-medium text-white">
              Split into several routes…
            </button>
          )}
        </div>
      )}
      <ul className="space-y-1">
        {errors.map((e, i) => (
          <li key={i} className="text-red-800">
            <span className="font-mono">{e.path || "(object)"}</span>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
