/** Tool invocation: telling the agent to call a tool, fake tool results, ReAct traces. */
import { any, gap } from "./entry";
import type { LexiconEntry } from "./entry";

const T = (
  id: string,
  lang: LexiconEntry["lang"],
  weight: number,
  source: string,
): LexiconEntry => ({ id: `tool-${id}`, kind: "tool_invocation", lang, weight, source });
const IDENT = "[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+";

export const TOOL_LEXICON: LexiconEntry[] = [
  T(
    "en-call",
    "en",
    0.55,
    `\\b${any("call", "invoke", "run", "execute", "use", "trigger", "fire")} (?:the )?${gap(20)}\\b${any("tool", "function", "action", "plugin")}\\b`,
  ),
  T(
    "en-call-ident",
    "en",
    0.5,
    `\\b${any("call", "invoke", "run", "execute", "use")} (?:the )?${IDENT}\\b`,
  ),
  T(
    "en-next-call",
    "en",
    0.6,
    `\\b(?:your )?next (?:tool call|step|action)${gap(20)}\\b(?:should|must|is)\\b`,
  ),
  T(
    "en-agent-must",
    "en",
    0.6,
    `\\b(?:the )?(?:assistant|agent|model|ai)\\b ${gap(20)}\\b(?:must|should|is required to|needs to) (?:now )?${any("call", "invoke", "execute", "run", "use")}\\b`,
  ),
  T(
    "react",
    "any",
    0.45,
    `(?:^|\\n)\\s*${any("thought", "action", "action input", "observation", "gedanke", "aktion", "eingabe", "pensamiento", "accion", "observacion", "pensee", "observation", "pensamento", "acao", "observacao", "pensiero", "azione", "osservazione", "思考", "行动", "观察", "行動", "観察", "мысль", "действие", "наблюдение", "فكرة", "إجراء", "ملاحظة")}\\s*[:：]`,
  ),
  T(
    "react-action-call",
    "any",
    0.7,
    `(?:^|\\n)\\s*(?:action|aktion|accion|acao|azione|行动|行動|действие)\\s*[:：]\\s*${IDENT}`,
  ),
  T(
    "fake-result",
    "any",
    0.55,
    `${any("tool (?:result|output)", "function (?:returned|result|output)", "\\[tool result\\]", "<function_results>", "<observation>", "<tool_output>", '"role"\\s*:\\s*"tool"', "werkzeugergebnis", "resultado de la herramienta", "resultat de l'outil", "resultado da ferramenta", "risultato dello strumento", "工具返回", "ツールの結果", "результат инструмента")}`,
  ),
  T(
    "json-call",
    "any",
    0.5,
    `[{,]\\s*"${any("tool", "function", "function_call", "name", "tool_name", "action")}"\\s*:\\s*[{"]${gap(60)}"${any("arguments", "parameters", "args", "input", "action_input")}"\\s*:`,
  ),
  T(
    "de",
    "de",
    0.7,
    `\\b${any("rufe?", "fuhre", "benutze", "verwende", "starte")}\\b${gap(30)}\\b${any("werkzeug", "tool", "funktion")}\\w*`,
  ),
  T(
    "es",
    "es",
    0.7,
    `\\b${any("llama", "ejecuta", "usa", "utiliza", "invoca")}\\b${gap(30)}\\b${any("herramienta", "funcion")}\\b`,
  ),
  T(
    "fr",
    "fr",
    0.7,
    `\\b${any("appelle", "execute", "utilise", "lance", "invoque")}\\b${gap(30)}\\b${any("outil", "fonction")}\\b`,
  ),
  T(
    "pt",
    "pt",
    0.7,
    `\\b${any("chame", "execute", "use", "utilize", "invoque")}\\b${gap(30)}\\b${any("ferramenta", "funcao")}\\b`,
  ),
  T(
    "it",
    "it",
    0.7,
    `\\b${any("chiama", "esegui", "usa", "utilizza", "invoca")}\\b${gap(30)}\\b${any("strumento", "funzione")}\\b`,
  ),
  T(
    "zh",
    "zh",
    0.7,
    `${any("调用", "执行", "使用", "运行")}${gap(16)}${any("工具", "函数", "插件")}|${any("工具", "函数")}${gap(8)}${any("调用", "执行")}`,
  ),
  T(
    "ja",
    "ja",
    0.7,
    `${any("ツール", "関数", "プラグイン")}${gap(16)}${any("呼び出", "実行", "使っ", "使用")}`,
  ),
  T(
    "ru",
    "ru",
    0.7,
    `${any("вызови", "выполни", "используй", "запусти")}${gap(30)}${any("инструмент", "функци")}`,
  ),
  T(
    "ar",
    "ar",
    0.7,
    `${any("استدع", "نفذ", "نفّذ", "استخدم", "شغل")}${gap(30)}${any("الأداة", "أداة", "الدالة", "دالة")}`,
  ),
];
