import { foldCharacters } from "../fold-characters";
import { identity } from "../mapped-text";
import type { LexiconEntry } from "./entry";
import { EXFILTRATION_LEXICON } from "./exfiltration";
import { OVERRIDE_LEXICON } from "./override";
import { ROLEPLAY_LEXICON } from "./roleplay";
import { TOOL_LEXICON } from "./tool";

export type { Lang, LexiconEntry } from "./entry";

export interface CompiledEntry extends LexiconEntry {
  pattern: RegExp;
  /** The script the entry needs; texts without it skip the entry. */
  script: RegExp | null;
}

const SCRIPTS: Partial<Record<LexiconEntry["lang"], RegExp>> = {
  zh: /\p{Script=Han}/u,
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
  ru: /\p{Script=Cyrillic}/u,
  ar: /\p{Script=Arabic}/u,
};

/** Folds a pattern's literal letters the way `normalizeForScan` folds the scanned text. */
const foldPattern = (source: string): string => foldCharacters(identity(source)).text;

export const LEXICON: readonly CompiledEntry[] = [
  ...OVERRIDE_LEXICON,
  ...ROLEPLAY_LEXICON,
  ...TOOL_LEXICON,
  ...EXFILTRATION_LEXICON,
].map((e) => ({
  ...e,
  pattern: new RegExp(foldPattern(e.source), "gi"),
  script: SCRIPTS[e.lang] ?? null,
}));
