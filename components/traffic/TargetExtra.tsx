"use client";
import { useId, useState } from "react";

/**
 * Under each slider: the target's tag (checked as a DNS-1035 label as the user types), the
 * URL Knative will give it, the webhook's own complaints, and a remove button.
 */
export function TargetExtra(props: {
  label: string;
  tag: string;
  problem?: string;
  url?: string;
  errors: string[];
  canRemove: boolean;
  disabled?: boolean;
  onTag: (tag: string) => void;
  onRemove: () => void;
}) {
  const { label, tag, problem, url, errors, canRemove, disabled, onTag, onRemove } = props;
  const id = useId();
  const [text, setText] = useState(tag);
  const [seen, setSeen] = useState(tag);
  // Follow the draft when it changes from elsewhere (roll back, discard), keep typing otherwise.
  if (seen !== tag) {
    setSeen(tag);
    setText(tag);
  }
  return (
    <div className="flex flex-col gap-1 text-xs">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-slate-500">
          Tag
        </label>
        <input
          id={id}
          aria-label={`Tag of ${label}`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-err` : undefined}
          value={text}
          disabled={disabled}
          placeholder="none"
          onChange={(e) => {
            setText(e.target.value);
            onTag(e.target.value);
          }}
          className={`w-40 rounded border px-2 py-0.5 font-mono ${problem ? "border-red-400 bg-red-50" : "border-slate-300"}`}
        />
        {url && (
          <span className="font-mono text-slate-600" data-tag-url>
            → {url}
          </span>
        )}
        <button
          type="button"
          disabled={disabled || !canRemove}
          aria-label={`Remove ${label} from the traffic`}
          onClick={onRemove}
          className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-slate-600 hover:bg-red-50 hover:text-red-800 disabled:opacity-40"
        >
          Remove
        </button>
      </div>
      {problem && (
        <p id={`${id}-err`} role="alert" className="text-red-700">
          {problem}
        </p>
      )}
      {errors.map((e) => (
        <p key={e} role="alert" className="text-red-700">
          {e}
        </p>
      ))}
    </div>
  );
}
