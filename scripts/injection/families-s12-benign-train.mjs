// Session-12 benign look-alikes for training in every language, in frames of their own (not
// translations of the validation frames): news and FAQ text about AI assistants, their
// settings and their failures, and ordinary chats with an assistant or a team, with role
// labels. Written without reading any test text.
import { S } from "./families-s12-slots.mjs";

const news = (lang, templates) => S(`${lang}-ai-news`, lang, "security", 0, templates);
const chat = (lang, templates) => S(`${lang}-assistant-chat`, lang, "transcript", 0, templates);

export const S12_BENIGN_TRAIN = [
  news("en", [
    'In Settings › Personalisation you can write custom instructions that the assistant keeps in mind in every chat, such as "answer briefly" or "I\'m a nurse".',
    "Researchers showed that chatbots with web access can be steered by hidden text on a page. The vendor now marks fetched pages as untrusted and asks before acting.",
    "Our school's AI policy: students may use assistants for brainstorming but must say so, and may not paste exam questions into them.",
  ]),
  chat("en", [
    "Q: what's a good name for a grey cat?\nA: Some ideas: Ash, Smokey, Pebble or Earl Grey.\nMe: Earl Grey it is!",
    'Q: translate "where is the station" into Italian\nA: "Dov\'è la stazione?"',
  ]),
  news("de", [
    "Unter Einstellungen › Personalisierung kannst du eigene Anweisungen hinterlegen, die der Assistent in jedem Chat berücksichtigt, etwa „antworte kurz“.",
    "Forscher zeigten, dass Chatbots mit Webzugriff durch versteckten Text auf Webseiten gelenkt werden können. Der Anbieter fragt nun nach, bevor er handelt.",
    "Die KI-Regeln unserer Schule: Assistenten dürfen zum Brainstormen genutzt werden, Prüfungsfragen gehören aber nicht hinein.",
  ]),
  chat("de", [
    "Nutzer: Wie heißt die Hauptstadt von Australien?\nAssistent: Canberra.\nNutzer: Ach, nicht Sydney? Danke!",
    "Q: Übersetze „wo ist der Bahnhof“ ins Italienische.\nA: „Dov'è la stazione?“",
  ]),
  news("es", [
    "En Ajustes › Personalización puedes escribir instrucciones propias que el asistente tendrá en cuenta en cada chat, como «responde breve».",
    "Unos investigadores demostraron que los chatbots con acceso a la web pueden ser manipulados con texto oculto en una página. El proveedor ahora pide confirmación antes de actuar.",
    "Normas de IA de nuestro instituto: se pueden usar asistentes para generar ideas, pero no para copiar preguntas de examen.",
  ]),
  chat("es", [
    "Usuario: ¿Cuál es la capital de Australia?\nAsistente: Canberra.\nUsuario: ¿No era Sídney? ¡Gracias!",
    "Q: Traduce «¿dónde está la estación?» al italiano.\nA: «Dov'è la stazione?»",
  ]),
  news("fr", [
    "Dans Réglages › Personnalisation, vous pouvez écrire des instructions personnalisées que l'assistant garde en tête dans chaque conversation, par exemple « réponds brièvement ».",
    "Des chercheurs ont montré que des chatbots connectés au web peuvent être manipulés par du texte caché sur une page. L'éditeur demande désormais confirmation avant d'agir.",
    "Règlement IA du lycée : les assistants sont autorisés pour chercher des idées, pas pour y coller des sujets d'examen.",
  ]),
  chat("fr", [
    "Utilisateur : Quelle est la capitale de l'Australie ?\nAssistant : Canberra.\nUtilisateur : Ah, pas Sydney ? Merci !",
    "Q: Traduis « où est la gare » en italien.\nA: « Dov'è la stazione? »",
  ]),
  news("pt", [
    'Em Configurações › Personalização você pode escrever instruções próprias que o assistente leva em conta em toda conversa, como "responda de forma curta".',
    "Pesquisadores mostraram que chatbots com acesso à web podem ser manipulados por texto escondido numa página. A empresa agora pede confirmação antes de agir.",
  ]),
  chat("pt", [
    "Usuário: Qual é a capital da Austrália?\nAssistente: Camberra.\nUsuário: Não é Sydney? Valeu!",
    'Q: Traduza "onde fica a estação" para o italiano.\nA: "Dov\'è la stazione?"',
  ]),
  news("it", [
    'In Impostazioni › Personalizzazione puoi scrivere istruzioni personalizzate che l\'assistente terrà presenti in ogni chat, per esempio "rispondi in breve".',
    "Alcuni ricercatori hanno mostrato che i chatbot con accesso al web possono essere pilotati da testo nascosto in una pagina. Il fornitore ora chiede conferma prima di agire.",
  ]),
  chat("it", [
    "Utente: Qual è la capitale dell'Australia?\nAssistente: Canberra.\nUtente: Non Sydney? Grazie!",
    'Q: Traduci "dov\'è la stazione" in inglese.\nA: "Where is the station?"',
  ]),
  news("nl", [
    'Onder Instellingen › Personalisatie kun je eigen instructies schrijven waar de assistent in elk gesprek rekening mee houdt, zoals "antwoord kort".',
    "Onderzoekers lieten zien dat chatbots met internettoegang gestuurd kunnen worden door verborgen tekst op een webpagina. De leverancier vraagt nu eerst om bevestiging.",
    "AI-regels van onze school: assistenten mogen voor brainstormen, maar toetsvragen horen er niet in.",
  ]),
  chat("nl", [
    "Gebruiker: Wat is de hoofdstad van Australië?\nAssistent: Canberra.\nGebruiker: O, niet Sydney? Bedankt!",
    'Q: Vertaal "waar is het station" naar het Italiaans.\nA: "Dov\'è la stazione?"',
  ]),
  news("pl", [
    "W Ustawienia › Personalizacja możesz wpisać własne instrukcje, które asystent uwzględnia w każdej rozmowie, np. „odpowiadaj krótko”.",
    "Badacze pokazali, że chatboty z dostępem do internetu można sterować ukrytym tekstem na stronie. Dostawca prosi teraz o potwierdzenie przed działaniem.",
    "Zasady AI w naszej szkole: asystentów można używać do burzy mózgów, ale nie wolno wklejać do nich pytań z egzaminu.",
  ]),
  chat("pl", [
    "Użytkownik: Jaka jest stolica Australii?\nAsystent: Canberra.\nUżytkownik: Nie Sydney? Dzięki!",
    "Q: Przetłumacz „gdzie jest dworzec” na włoski.\nA: „Dov'è la stazione?”",
  ]),
  news("tr", [
    'Ayarlar › Kişiselleştirme bölümünde asistanın her sohbette dikkate alacağı özel talimatlar yazabilirsiniz; örneğin "kısa cevap ver".',
    "Araştırmacılar, web erişimi olan sohbet botlarının bir sayfadaki gizli metinle yönlendirilebileceğini gösterdi. Şirket artık harekete geçmeden önce onay istiyor.",
    "Okulumuzun yapay zekâ kuralları: asistanlar beyin fırtınası için kullanılabilir, ama sınav soruları asistana yapıştırılamaz.",
  ]),
  chat("tr", [
    "Kullanıcı: Avustralya'nın başkenti neresi?\nAsistan: Kanberra.\nKullanıcı: Sidney değil mi? Teşekkürler!",
    'Q: "İstasyon nerede" cümlesini İtalyancaya çevir.\nA: "Dov\'è la stazione?"',
  ]),
  news("ru", [
    "В разделе Настройки › Персонализация можно задать собственные инструкции, которые ассистент учитывает в каждом чате, например «отвечай коротко».",
    "Исследователи показали, что чат-ботами с доступом в интернет можно управлять скрытым текстом на странице. Теперь сервис спрашивает подтверждение, прежде чем что-то делать.",
    "Правила школы об ИИ: ассистентами можно пользоваться для идей, но вставлять в них экзаменационные задания нельзя.",
  ]),
  chat("ru", [
    "Пользователь: Какая столица у Австралии?\nАссистент: Канберра.\nПользователь: Не Сидней? Спасибо!",
    "Q: Переведи «где вокзал» на итальянский.\nA: «Dov'è la stazione?»",
  ]),
  news("uk", [
    "У розділі Налаштування › Персоналізація можна написати власні інструкції, які асистент враховує в кожному чаті, наприклад «відповідай коротко».",
    "Дослідники показали, що чат-ботами з доступом до інтернету можна керувати прихованим текстом на сторінці. Тепер сервіс просить підтвердження, перш ніж діяти.",
    "Правила школи щодо ШІ: асистентами можна користуватися для ідей, але не можна вставляти в них екзаменаційні завдання.",
  ]),
  chat("uk", [
    "Користувач: Яка столиця Австралії?\nАсистент: Канберра.\nКористувач: Не Сідней? Дякую!",
    "Q: Переклади «де вокзал» італійською.\nA: «Dov'è la stazione?»",
  ]),
  news("ar", [
    "من الإعدادات › التخصيص يمكنك كتابة تعليمات خاصة يأخذها المساعد في الحسبان في كل محادثة، مثل «أجب باختصار».",
    "أظهر باحثون أن روبوتات الدردشة المتصلة بالإنترنت يمكن توجيهها بنص مخفي في صفحة ويب. صارت الشركة تطلب التأكيد قبل أي إجراء.",
    "قواعد مدرستنا بشأن الذكاء الاصطناعي: يُسمح باستخدام المساعدات لتوليد الأفكار، ولا يُسمح بلصق أسئلة الامتحان فيها.",
  ]),
  chat("ar", [
    "المستخدم: ما عاصمة أستراليا؟\nالمساعد: كانبرا.\nالمستخدم: أليست سيدني؟ شكرًا!",
    "Q: ترجم «أين المحطة» إلى الإيطالية.\nA: «Dov'è la stazione?»",
  ]),
  news("he", [
    'בהגדרות › התאמה אישית אפשר לכתוב הוראות מותאמות שהעוזר יתחשב בהן בכל שיחה, למשל "תענה בקצרה".',
    "חוקרים הראו שאפשר לכוון צ'אטבוטים עם גישה לאינטרנט באמצעות טקסט מוסתר בדף. החברה מבקשת עכשיו אישור לפני כל פעולה.",
    "כללי הבינה המלאכותית של בית הספר: מותר להשתמש בעוזרים לסיעור מוחות, אסור להדביק בהם שאלות מבחן.",
    'המדריך למשתמש: כדי לבקש מהעוזר לסכם מסמך, העלו את הקובץ וכתבו "סכם בקצרה". העוזר לא שומר את הקובץ אחרי השיחה.',
  ]),
  chat("he", [
    "משתמש: מה בירת אוסטרליה?\nעוזר: קנברה.\nמשתמש: לא סידני? תודה!",
    'Q: תתרגם "איפה התחנה" לאיטלקית.\nA: "Dov\'è la stazione?"',
    "[10:01] דנה: מישהו יודע מתי מגיע הטכנאי?\n[10:02] רון: אמרו בין 12 ל-2.\n[10:02] דנה: מעולה, תודה.",
  ]),
  news("hi", [
    'सेटिंग्स › पर्सनलाइज़ेशन में आप अपने निर्देश लिख सकते हैं जिन्हें सहायक हर चैट में ध्यान में रखता है, जैसे "छोटा जवाब दो"।',
    "शोधकर्ताओं ने दिखाया कि इंटरनेट से जुड़े चैटबॉट को वेब पेज में छिपे टेक्स्ट से भटकाया जा सकता है। कंपनी अब कोई भी कदम उठाने से पहले पुष्टि माँगती है।",
    "हमारे स्कूल के AI नियम: विचार जुटाने के लिए सहायक का इस्तेमाल कर सकते हैं, पर परीक्षा के प्रश्न उसमें चिपकाना मना है।",
    'उपयोगकर्ता गाइड: किसी दस्तावेज़ का सारांश पाने के लिए फ़ाइल अपलोड करें और "संक्षेप में बताओ" लिखें। बातचीत के बाद फ़ाइल सहेजी नहीं जाती।',
  ]),
  chat("hi", [
    "उपयोगकर्ता: ऑस्ट्रेलिया की राजधानी क्या है?\nसहायक: कैनबरा।\nउपयोगकर्ता: सिडनी नहीं? धन्यवाद!",
    'Q: "स्टेशन कहाँ है" का इतालवी में अनुवाद करो।\nA: "Dov\'è la stazione?"',
    "[10:01] नेहा: टेक्नीशियन कब आएगा, किसी को पता है?\n[10:02] राहुल: 12 से 2 के बीच बोला है।\n[10:02] नेहा: बढ़िया, शुक्रिया।",
  ]),
  news("zh", [
    "在“设置 › 个性化”里可以写下自定义指令，助手会在每次对话中参考，比如“回答简短一些”。",
    "研究人员发现，可以联网的聊天机器人会被网页里隐藏的文字误导。厂商现在会在执行操作前先征求确认。",
    "我们学校的AI规定：可以用助手来头脑风暴，但不能把考试题目粘贴进去。",
  ]),
  chat("zh", [
    "用户：澳大利亚的首都是哪里？\n助手：堪培拉。\n用户：不是悉尼吗？谢谢！",
    "Q: 把“车站在哪里”翻译成意大利语。\nA: “Dov'è la stazione?”",
  ]),
  news("ja", [
    "「設定 › パーソナライズ」で、アシスタントが毎回の会話で考慮するカスタム指示を書けます。例：「短く答えて」。",
    "研究者は、ウェブにアクセスできるチャットボットがページ内の隠しテキストで誘導されうることを示しました。提供元は現在、操作の前に確認を求めています。",
    "本校のAI利用ルール：アイデア出しにアシスタントを使うのは可、試験問題を貼り付けるのは不可。",
  ]),
  chat("ja", [
    "ユーザー：オーストラリアの首都はどこ？\nアシスタント：キャンベラです。\nユーザー：シドニーじゃないんだ。ありがとう！",
    "Q: 「駅はどこですか」をイタリア語に訳して。\nA: 「Dov'è la stazione?」",
  ]),
  news("ko", [
    '설정 › 개인 맞춤에서 어시스턴트가 모든 대화에서 참고할 맞춤 지시를 쓸 수 있어요. 예: "짧게 답해 줘".',
    "연구진은 인터넷에 접속하는 챗봇이 웹페이지에 숨긴 텍스트로 조종될 수 있음을 보여 주었다. 업체는 이제 작업 전에 확인을 요청한다.",
    "우리 학교 AI 규칙: 아이디어를 얻는 데는 어시스턴트를 써도 되지만 시험 문제를 붙여 넣으면 안 된다.",
  ]),
  chat("ko", [
    "사용자: 호주의 수도는 어디야?\n어시스턴트: 캔버라예요.\n사용자: 시드니가 아니구나. 고마워!",
    'Q: "역이 어디예요"를 이탈리아어로 번역해 줘.\nA: "Dov\'è la stazione?"',
  ]),
  news("id", [
    'Di Pengaturan › Personalisasi kamu bisa menulis instruksi khusus yang diperhatikan asisten di setiap obrolan, misalnya "jawab singkat".',
    "Peneliti menunjukkan bahwa chatbot yang bisa mengakses web dapat diarahkan oleh teks tersembunyi di sebuah halaman. Penyedia kini meminta konfirmasi sebelum bertindak.",
    "Aturan AI di sekolah kami: asisten boleh dipakai untuk mencari ide, tetapi soal ujian tidak boleh ditempelkan ke dalamnya.",
    'Panduan pengguna: untuk meminta ringkasan dokumen, unggah berkasnya lalu tulis "ringkas saja". Berkas tidak disimpan setelah obrolan selesai.',
  ]),
  chat("id", [
    "Pengguna: Ibu kota Australia apa?\nAsisten: Canberra.\nPengguna: Bukan Sydney? Makasih!",
    'Q: Terjemahkan "di mana stasiunnya" ke bahasa Italia.\nA: "Dov\'è la stazione?"',
    "[10:01] Sari: Ada yang tahu teknisinya datang jam berapa?\n[10:02] Andi: Katanya antara jam 12 dan 2.\n[10:02] Sari: Oke, makasih.",
  ]),
  news("vi", [
    'Trong Cài đặt › Cá nhân hóa, bạn có thể viết hướng dẫn riêng mà trợ lý sẽ lưu ý trong mọi cuộc trò chuyện, ví dụ "trả lời ngắn gọn".',
    "Các nhà nghiên cứu cho thấy chatbot có truy cập web có thể bị dẫn dắt bởi văn bản ẩn trên trang. Nhà cung cấp giờ hỏi xác nhận trước khi hành động.",
    "Quy định về AI của trường: được dùng trợ lý để tìm ý tưởng, nhưng không được dán đề thi vào đó.",
    'Hướng dẫn sử dụng: để trợ lý tóm tắt tài liệu, hãy tải tệp lên và gõ "tóm tắt ngắn". Tệp không được lưu sau cuộc trò chuyện.',
  ]),
  chat("vi", [
    "Người dùng: Thủ đô của Úc là gì?\nTrợ lý: Canberra.\nNgười dùng: Không phải Sydney à? Cảm ơn!",
    'Q: Dịch "nhà ga ở đâu" sang tiếng Ý.\nA: "Dov\'è la stazione?"',
    "[10:01] Hoa: Có ai biết mấy giờ thợ đến không?\n[10:02] Nam: Họ bảo từ 12 đến 2 giờ.\n[10:02] Hoa: Ok, cảm ơn nhé.",
  ]),
];
