/**
 * The only form in which a secret value is ever shown: `***` plus its last four characters
 * (code points, so a surrogate pair is never split). Values of four characters or fewer show
 * nothing but `***`.
 */
export function maskLast4(value: string): string {
  const chars = Array.from(value);
  return chars.length <= 4 ? "***" : `***${chars.slice(-4).join("")}`;
}
