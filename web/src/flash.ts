/** A notice carried to the next screen (e.g. "Saved as version 3" after leaving the editor). */
let pending: string | null = null;

export function flash(message: string): void {
  pending = message;
}

/** The pending notice, once. */
export function takeFlash(): string | null {
  const message = pending;
  pending = null;
  return message;
}
