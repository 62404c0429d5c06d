"use client";

/** When even the layout fails (Routeboard's server restarting): a plain page that can retry. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>Routeboard could not load this page</h1>
        <p>Its server did not answer, or failed. Nothing was changed.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
