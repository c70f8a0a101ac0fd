/**
 * The multilingual intent lexicon: phrases that address the reader as an agent and ask it to
 * drop its instructions, adopt a role, call a tool or send data away. Patterns are written in
 * ordinary spelling and folded at load time exactly as the scanned text is (diacritics dropped,
 * look-alike letters mapped), so "Anweisungen", "instrucciones" and "игнорируй" match the
 * normalised view. A gap never crosses a sentence end, so two unrelated sentences (e.g. "ignore
 * the warning. Then follow the instructions") do not join into one match.
 */
import type { InjectionKind } from "../rules/rule";

export type Lang =
  "en" | "de" | "es" | "fr" | "pt" | "it" | "nl" | "zh" | "ja" | "ru" | "ar" | "any";

export interface LexiconEntry {
  id: string;
  kind: InjectionKind;
  lang: Lang;
  /** How much one match alone suggests an injection (0..1); chosen on the validation split. */
  weight: number;
  source: string;
}

export const any = (...xs: string[]): string => `(?:${xs.join("|")})`;
/** Up to `max` characters that do not end a sentence (a dot inside an address or name does not). */
export const gap = (max: number): string => `(?:[^.!?;。！？\\n]|\\.(?=\\S)){0,${max}}?`;
