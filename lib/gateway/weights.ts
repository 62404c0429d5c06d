// backendRef weights (Gateway API: whole numbers, 0 to 1,000,000 each; a backend's share is its
// weight over the rule's sum). A fraction typed by a user is carried by scaling every weight.

export const MAX_WEIGHT = 1_000_000;

/** The smallest power of ten, 10 to 10^6, that makes `typed` whole; undefined when none does. */
export function wholeFactor(typed: number): number | undefined {
  for (let k = 1; k <= 6; k++) {
    const f = 10 ** k;
    if (Math.abs(typed * f - Math.round(typed * f)) <= 1e-9 * f) return f;
  }
  return undefined;
}

export const tooFineWords = (typed: number) =>
  `${typed} needs finer weights than the Gateway API allows (each at most ${MAX_WEIGHT.toLocaleString("en")}): scale the total down, or type fewer decimals.`;

export const scaledWords = (factor: number, typed: number) =>
  `Every weight was multiplied by ${factor.toLocaleString("en")} to carry ${typed}; the shares are as typed.`;
