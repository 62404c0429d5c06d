"use client";
/** Validation problems pinned on a node, read out when they appear. */
export function Problems({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul role="alert" className="mt-1 space-y-0.5 text-[11px] leading-tight text-red-700" data-problems>
      {messages.slice(0, 3).map((m, i) => (
        <li key={i}>⚠ {m}</li>
      ))}
      {messages.length > 3 && <li>and {messages.length - 3} more (see Problems)</li>}
    </ul>
  );
}
