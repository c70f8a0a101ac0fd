import { parseDottedQuad } from "./ipv4";

/** Eight 16-bit words, or null when `text` is not an IPv6 literal (no brackets, no zone). */
export function parseIpv6(text: string): number[] | null {
  if (!/^[0-9a-f:.]+$/i.test(text) || text.length > 45) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const toWords = (part: string, allowTail: boolean): number[] | null => {
    if (part === "") return [];
    const groups = part.split(":");
    const words: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i]!;
      if (allowTail && i === groups.length - 1 && group.includes(".")) {
        const v4 = parseDottedQuad(group);
        if (v4 === null) return null;
        words.push(v4 >>> 16, v4 & 0xffff);
      } else if (/^[0-9a-f]{1,4}$/i.test(group)) {
        words.push(parseInt(group, 16));
      } else {
        return null;
      }
    }
    return words;
  };
  if (halves.length === 1) {
    const words = toWords(text, true);
    return words && words.length === 8 ? words : null;
  }
  const head = toWords(halves[0]!, false);
  const tail = toWords(halves[1]!, true);
  if (!head || !tail || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

export function formatIpv6(words: readonly number[]): string {
  return words.map((w) => w.toString(16)).join(":");
}
