"use client";
/** YAML as text, selectable and scrollable (the canvas's compiled output). */
export function YamlView({ text, label }: { text: string; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="max-h-full overflow-auto rounded bg-slate-900 p-2 font-mono text-[11px] leading-snug text-slate-100"
      data-yaml
    >
      {text}
    </pre>
  );
}
