/** Exfiltration: sending secrets or the conversation away, beacons, data in URLs. */
import { any, gap } from "./entry";
import type { LexiconEntry } from "./entry";

const X = (
  id: string,
  lang: LexiconEntry["lang"],
  weight: number,
  source: string,
): LexiconEntry => ({ id: `exfil-${id}`, kind: "exfiltration", lang, weight, source });
const DEST =
  "(?:[\\w.+-]+@[\\w-]+\\.[\\w.]+|https?://|\\bwww\\.|\\bserver\\b|\\bwebhook\\b|\\bendpoint\\b)";

interface Words {
  send: string[];
  data: string[];
}
const WORDS: Partial<Record<LexiconEntry["lang"], Words>> = {
  en: {
    send: [
      "send",
      "forward",
      "email",
      "mail",
      "post",
      "upload",
      "transmit",
      "leak",
      "copy",
      "paste",
      "exfiltrate",
      "relay",
      "share",
      "submit",
    ],
    data: [
      "keys?",
      "api key",
      "tokens?",
      "passwords?",
      "secrets?",
      "credentials",
      "cookies?",
      "\\.env",
      "conversation",
      "chat history",
      "history",
      "messages",
      "environment variables",
    ],
  },
  de: {
    send: ["sende\\w*", "schick\\w*", "leite", "ubermittle\\w*", "lade", "kopiere"],
    data: [
      "schlussel\\w*",
      "api-schlussel",
      "passw\\w*",
      "token\\w*",
      "zugangsdaten",
      "verlauf",
      "gesprachsverlauf",
      "geheimnisse",
    ],
  },
  es: {
    send: ["envia\\w*", "manda\\w*", "reenvia\\w*", "transmite\\w*", "sube", "copia"],
    data: ["clave\\w*", "contrasenas?", "tokens?", "credenciales", "historial", "secretos"],
  },
  fr: {
    send: ["envoie\\w*", "transmet\\w*", "fais suivre", "communique\\w*", "televerse\\w*", "copie"],
    data: [
      "cles?",
      "cle api",
      "mots? de passe",
      "jetons?",
      "identifiants",
      "historique",
      "secrets?",
    ],
  },
  pt: {
    send: ["envie\\w*", "mande\\w*", "encaminhe\\w*", "transmita\\w*", "copie"],
    data: ["chaves?", "senhas?", "tokens?", "credenciais", "historico", "segredos"],
  },
  it: {
    send: ["invia\\w*", "manda\\w*", "inoltra\\w*", "trasmetti\\w*", "carica", "copia"],
    data: ["chiavi?", "password", "token", "credenziali", "cronologia", "segreti"],
  },
};

function latin(lang: LexiconEntry["lang"], w: Words): LexiconEntry[] {
  const send = any(...w.send);
  const data = any(...w.data);
  return [
    X(`${lang}-send-to`, lang, 0.85, `\\b${send}\\b${gap(50)}\\b${data}${gap(50)}${DEST}`),
    X(`${lang}-send-data`, lang, 0.5, `\\b${send}\\b${gap(40)}\\b${data}\\b`),
  ];
}

export const EXFILTRATION_LEXICON: LexiconEntry[] = [
  ...Object.entries(WORDS).flatMap(([lang, w]) => latin(lang as LexiconEntry["lang"], w!)),
  X(
    "zh",
    "zh",
    0.8,
    `${any("发送", "发到", "转发", "上传", "传到", "提交")}${gap(40)}${any("密钥", "密码", "令牌", "凭据", "记录", "对话")}|${any("密钥", "密码", "令牌", "凭据", "对话记录")}${gap(20)}${any("发送", "发到", "转发", "上传")}`,
  ),
  X(
    "ja",
    "ja",
    0.8,
    `${any("キー", "鍵", "パスワード", "トークン", "認証情報", "履歴")}${gap(60)}${any("送信", "送って", "転送", "アップロード", "送る")}`,
  ),
  X(
    "ru",
    "ru",
    0.8,
    `${any("отправь", "перешли", "передай", "загрузи", "скопируй")}${gap(40)}${any("ключ", "парол", "токен", "учетн", "истори", "секрет")}`,
  ),
  X(
    "ar",
    "ar",
    0.8,
    `${any("أرسل", "أعد توجيه", "انقل", "ارفع", "حول")}${gap(40)}${any("مفتاح", "المفاتيح", "كلمات المرور", "كلمة المرور", "رمز", "سجل")}`,
  ),
  X(
    "query-param",
    "any",
    0.75,
    `${any("append", "add", "attach", "put", "include", "fuge", "hange", "anade", "ajoute", "adicione", "aggiungi", "附加", "付けて", "добавь", "أضف")}${gap(50)}(?:\\?[a-z0-9_]*=|${any("query string", "query parameter", "parametro", "parametre", "parameter", "параметр", "معامل", "参数", "パラメータ")})`,
  ),
  X(
    "url-placeholder",
    "any",
    0.8,
    `https?://[^\\s)"'>]*[?&][a-z0-9_]*=(?:\\s*)(?:[<\\[{(]|\\$\\{|%3c|%7b)`,
  ),
  X("image-beacon", "any", 0.6, `!\\[[^\\]\\n]{0,80}\\]\\(\\s*https?://[^)\\s?]*\\?[^)\\s=]*=`),
  X(
    "html-beacon",
    "any",
    0.6,
    `<img\\b[^>]{0,120}\\bsrc\\s*=\\s*["']?https?://[^\\s"'>?]*\\?[^\\s"'>=]*=`,
  ),
  X(
    "prompt-leak",
    "en",
    0.6,
    `\\b${any("print", "repeat", "output", "reveal", "show", "dump", "write out", "tell me")}\\b${gap(20)}\\b${any("system prompt", "initial instructions", "the text above", "your instructions", "your prompt", "hidden instructions")}`,
  ),
  X(
    "in-answer",
    "en",
    0.55,
    `\\b${any("reply", "respond", "answer", "paste", "write", "include")}\\b${gap(30)}\\b${any("api key", "token", "password", "secret", "credentials", "environment variables", "session cookie")}s?\\b${gap(30)}\\b${any("in full", "in your answer", "into (?:this|the|your)", "verbatim", "for verification")}`,
  ),
];
