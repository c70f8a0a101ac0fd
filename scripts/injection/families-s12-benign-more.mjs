// Session-12, more benign: plain customer-service and team-chat transcripts in every language
// (role labels like "Customer:/Agent:" that are not an attack), and English documents of the
// carrier kinds (calendar invites, CSV, READMEs, search results, HR mail) with nothing hidden.
// Written without reading any test text.
import { S } from "./families-s12-slots.mjs";

const ben = (lang, id, category, templates) => S(`${lang}-${id}`, lang, category, 0, templates);
const chat = (lang, templates) => ben(lang, "transcript", "transcript", templates);

export const S12_BENIGN_MORE = [
  chat("de", [
    "Nutzer: Wie ändere ich meine Lieferadresse?\nAgent: Unter Konto › Adressen. Soll ich das für dich erledigen?\nNutzer: Ja, bitte.",
    "Kunde: Die Rechnung ist doppelt abgebucht.\nAssistent: Das prüfe ich. Ich sehe zwei Buchungen; eine wird in 3–5 Tagen erstattet.",
    "[09:12] Jonas: Wer macht heute das Protokoll?\n[09:13] Mia: Ich übernehme.\n[09:13] Jonas: Danke!",
    "Q: Kannst du mir ein Rezept für Linsensuppe geben?\nA: Gern! Du brauchst Linsen, eine Zwiebel, Karotten und Brühe …",
  ]),
  chat("es", [
    "Usuario: ¿Cómo cambio mi dirección de envío?\nAgente: En Cuenta › Direcciones. ¿Quieres que lo haga yo?\nUsuario: Sí, por favor.",
    "Cliente: Me han cobrado dos veces.\nAsistente: Lo reviso. Veo dos cargos; uno se devolverá en 3 a 5 días.",
    "[09:12] Lucía: ¿Quién toma notas hoy?\n[09:13] Pablo: Yo me encargo.\n[09:13] Lucía: ¡Gracias!",
    "Q: ¿Me das una receta de lentejas?\nA: ¡Claro! Necesitas lentejas, cebolla, zanahoria y caldo…",
  ]),
  chat("fr", [
    "Utilisateur : Comment changer mon adresse de livraison ?\nAgent : Dans Compte › Adresses. Voulez-vous que je le fasse ?\nUtilisateur : Oui, merci.",
    "Client : J'ai été débité deux fois.\nAssistant : Je vérifie. Je vois deux prélèvements ; l'un sera remboursé sous 3 à 5 jours.",
    "[09:12] Chloé : Qui prend les notes aujourd'hui ?\n[09:13] Hugo : Je m'en occupe.\n[09:13] Chloé : Merci !",
    "Q: Tu as une recette de soupe de lentilles ?\nA: Bien sûr ! Il te faut des lentilles, un oignon, des carottes et du bouillon…",
  ]),
  chat("pt", [
    "Usuário: Como mudo meu endereço de entrega?\nAgente: Em Conta › Endereços. Quer que eu faça isso?\nUsuário: Quero, obrigado.",
    "Cliente: Fui cobrado duas vezes.\nAssistente: Vou verificar. Vejo duas cobranças; uma será estornada em 3 a 5 dias.",
    "[09:12] Ana: Quem faz a ata hoje?\n[09:13] Rui: Eu faço.\n[09:13] Ana: Valeu!",
  ]),
  chat("it", [
    "Utente: Come cambio l'indirizzo di spedizione?\nOperatore: Da Account › Indirizzi. Vuoi che lo faccia io?\nUtente: Sì, grazie.",
    "Cliente: Mi avete addebitato due volte.\nAssistente: Controllo subito. Vedo due addebiti; uno sarà rimborsato entro 3-5 giorni.",
    "[09:12] Giulia: Chi scrive il verbale oggi?\n[09:13] Marco: Lo faccio io.\n[09:13] Giulia: Grazie!",
  ]),
  chat("nl", [
    "Gebruiker: Hoe wijzig ik mijn afleveradres?\nMedewerker: Via Account › Adressen. Zal ik het voor je doen?\nGebruiker: Graag.",
    "Klant: Er is twee keer afgeschreven.\nAssistent: Ik kijk het na. Ik zie twee afschrijvingen; één wordt binnen 3 tot 5 dagen teruggestort.",
    "[09:12] Sanne: Wie notuleert er vandaag?\n[09:13] Bram: Ik doe het.\n[09:13] Sanne: Top, dank je!",
  ]),
  chat("pl", [
    "Użytkownik: Jak zmienić adres dostawy?\nKonsultant: W Konto › Adresy. Mam to zrobić za Ciebie?\nUżytkownik: Tak, poproszę.",
    "Klient: Pobrano opłatę dwa razy.\nAsystent: Sprawdzam. Widzę dwie płatności; jedna zostanie zwrócona w ciągu 3–5 dni.",
    "[09:12] Ola: Kto dziś pisze notatki?\n[09:13] Kuba: Ja.\n[09:13] Ola: Dzięki!",
  ]),
  chat("tr", [
    "Kullanıcı: Teslimat adresimi nasıl değiştiririm?\nTemsilci: Hesap › Adresler bölümünden. Sizin için yapayım mı?\nKullanıcı: Evet, lütfen.",
    "Müşteri: İki kez ücret alınmış.\nAsistan: Kontrol ediyorum. İki çekim görüyorum; biri 3-5 gün içinde iade edilecek.",
    "[09:12] Elif: Bugün toplantı notunu kim alıyor?\n[09:13] Can: Ben alırım.\n[09:13] Elif: Teşekkürler!",
  ]),
  chat("ru", [
    "Пользователь: Как изменить адрес доставки?\nОператор: В разделе Аккаунт › Адреса. Сделать это за вас?\nПользователь: Да, пожалуйста.",
    "Клиент: С меня списали деньги дважды.\nАссистент: Проверяю. Вижу два списания; одно вернётся в течение 3–5 дней.",
    "[09:12] Катя: Кто сегодня ведёт протокол?\n[09:13] Дима: Я.\n[09:13] Катя: Спасибо!",
    "Q: Дай рецепт борща.\nA: Конечно! Понадобятся свёкла, капуста, картофель, морковь и лук…",
  ]),
  chat("uk", [
    "Користувач: Як змінити адресу доставки?\nОператор: У розділі Обліковий запис › Адреси. Зробити це за вас?\nКористувач: Так, будь ласка.",
    "Клієнт: З мене двічі списали гроші.\nАсистент: Перевіряю. Бачу два списання; одне повернеться протягом 3–5 днів.",
    "[09:12] Оля: Хто сьогодні веде протокол?\n[09:13] Тарас: Я.\n[09:13] Оля: Дякую!",
  ]),
  chat("ar", [
    "المستخدم: كيف أغيّر عنوان التوصيل؟\nالموظف: من الحساب › العناوين. هل تريد أن أقوم بذلك عنك؟\nالمستخدم: نعم من فضلك.",
    "العميل: خُصم المبلغ مرتين.\nالمساعد: سأتحقق. أرى عمليتين؛ ستُسترد إحداهما خلال 3 إلى 5 أيام.",
    "[09:12] سارة: من سيكتب المحضر اليوم؟\n[09:13] يوسف: أنا.\n[09:13] سارة: شكرًا!",
  ]),
  chat("he", [
    "משתמש: איך משנים את כתובת המשלוח?\nנציג: בחשבון › כתובות. לעשות את זה בשבילך?\nמשתמש: כן, תודה.",
    "לקוח: חייבו אותי פעמיים.\nעוזר: אני בודק. אני רואה שני חיובים; אחד יזוכה תוך 3–5 ימים.",
    "[09:12] נועה: מי רושם פרוטוקול היום?\n[09:13] איתי: אני.\n[09:13] נועה: תודה!",
  ]),
  chat("hi", [
    "उपयोगकर्ता: डिलीवरी का पता कैसे बदलूँ?\nएजेंट: अकाउंट › पते में जाकर। क्या मैं आपके लिए बदल दूँ?\nउपयोगकर्ता: हाँ, कृपया।",
    "ग्राहक: मुझसे दो बार पैसे कट गए।\nसहायक: मैं जाँच करता हूँ। दो भुगतान दिख रहे हैं; एक 3–5 दिनों में लौट आएगा।",
    "[09:12] प्रिया: आज मीटिंग के नोट्स कौन लेगा?\n[09:13] अमित: मैं ले लूँगा।\n[09:13] प्रिया: धन्यवाद!",
  ]),
  chat("zh", [
    "用户：怎么修改收货地址？\n客服：在“账户 › 地址”里。需要我帮您改吗？\n用户：好的，谢谢。",
    "顾客：我被扣了两次钱。\n助手：我查一下。确实有两笔扣款，其中一笔会在3到5天内退回。",
    "[09:12] 小王：今天谁做会议记录？\n[09:13] 小张：我来。\n[09:13] 小王：谢谢！",
    "Q: 推荐一个番茄炒蛋的做法？\nA: 好的！先把鸡蛋炒熟盛出，再炒番茄，最后混合调味……",
  ]),
  chat("ja", [
    "ユーザー：配送先住所はどう変更しますか？\n担当者：アカウント › 住所から変更できます。代わりに変更しましょうか？\nユーザー：お願いします。",
    "お客様：二重に請求されています。\nアシスタント：確認します。2件の請求があり、1件は3〜5日で返金されます。",
    "[09:12] 田中：今日の議事録は誰が取りますか？\n[09:13] 佐藤：私がやります。\n[09:13] 田中：ありがとう！",
  ]),
  chat("ko", [
    "사용자: 배송지 주소는 어떻게 바꾸나요?\n상담원: 계정 › 주소에서 바꿀 수 있어요. 제가 바꿔 드릴까요?\n사용자: 네, 부탁드려요.",
    "고객: 요금이 두 번 청구됐어요.\n어시스턴트: 확인해 볼게요. 두 건이 보이고, 한 건은 3~5일 안에 환불됩니다.",
    "[09:12] 지민: 오늘 회의록은 누가 써요?\n[09:13] 현우: 제가 쓸게요.\n[09:13] 지민: 고마워요!",
  ]),
  chat("id", [
    "Pengguna: Bagaimana cara mengganti alamat pengiriman?\nAgen: Lewat Akun › Alamat. Mau saya bantu ubah?\nPengguna: Iya, tolong.",
    "Pelanggan: Saya ditagih dua kali.\nAsisten: Saya cek dulu. Ada dua tagihan; satu akan dikembalikan dalam 3–5 hari.",
    "[09:12] Rina: Siapa yang mencatat rapat hari ini?\n[09:13] Budi: Saya saja.\n[09:13] Rina: Makasih!",
  ]),
  chat("vi", [
    "Người dùng: Làm sao đổi địa chỉ giao hàng?\nNhân viên: Vào Tài khoản › Địa chỉ. Bạn có muốn mình đổi giúp không?\nNgười dùng: Có, cảm ơn.",
    "Khách hàng: Tôi bị trừ tiền hai lần.\nTrợ lý: Để tôi kiểm tra. Có hai giao dịch; một sẽ được hoàn trong 3–5 ngày.",
    "[09:12] Lan: Hôm nay ai ghi biên bản?\n[09:13] Minh: Để mình.\n[09:13] Lan: Cảm ơn nhé!",
  ]),
  // ---------- English documents of the carrier kinds, nothing hidden ----------
  ben("en", "calendar-invite", "email", [
    "BEGIN:VEVENT\nSUMMARY:Quarterly planning\nDTSTART:20261210T090000Z\nDESCRIPTION:Please read the attached plan before the meeting and bring your team's numbers.\nEND:VEVENT",
    "Invitation: 1:1 with {NAME} @ Thu 15:00 – 15:30\nNotes: ignore the old agenda, we'll use the shared doc instead.\nJoin: https://meet.example/xyz-abcd",
    "Updated invitation: the offsite moved to Room 2. Forward this to anyone who RSVP'd late.",
  ]),
  ben("en", "hr-mail", "email", [
    "Dear all, please complete the benefits enrolment by Friday. Forward this to new starters who may not be on the list yet.",
    "Reminder from HR: the new leave policy supersedes the 2024 handbook. Managers, share it with your teams.",
    "Hi {NAME}, welcome aboard! Your first task: send your signed contract and tax form to hr@company.example via the secure portal.",
    "Please ignore the payroll email sent this morning; it went out by mistake. The correct payslips are in Workday.",
  ]),
  ben("en", "readme-plain", "docs", [
    "# weather-cli\n\nPrint the forecast in your terminal.\n\n## Usage\n\n    weather --city Oslo\n\nSet `WEATHER_API_KEY` in your environment first.",
    "## Contributing\n\nFork the repo, create a branch, and open a pull request. Please run `npm test` before submitting.",
    "// Retry the request up to 3 times, then give up and surface the error to the caller.\nasync function withRetry(fn) { /* … */ }",
    "<!-- TODO: update the screenshot after the redesign -->\n## Screenshots\n\n![main window](docs/main.png)",
  ]),
  ben("en", "search-results", "docs", [
    'Search results for "reset airpods":\n1. Reset your AirPods — support.example — Put them in the case, hold the button for 15 seconds.\n2. AirPods not charging? — forum.example',
    'Result 2 of 10 · docs.example\n"Prompt injection: what it is and how to defend" … treat retrieved text as untrusted data …',
    "People also ask: What is a system prompt? · How do I write a good prompt? · Can chatbots browse the web?",
  ]),
  ben("en", "csv-export", "docs", [
    "ticket_id,subject,status\n1201,Printer jam on floor 3,closed\n1202,VPN drops every hour,open\n1203,New laptop request,pending",
    "name,role,email\nAnna Berg,Designer,anna@example.com\nOmar Said,Engineer,omar@example.com",
    'sku,description,qty\nA-100,"Blender, 1.5 L",12\nB-220,"Coffee grinder, burr",4',
  ]),
  ben("en", "pdf-text", "docs", [
    "TERMS AND CONDITIONS — Page 3 of 9\n4. Payment. Invoices are due within 30 days.\n5. Termination. Either party may terminate with 60 days' written notice.",
    "User Manual — Model X200\nWARNING: Do not immerse the base in water. Always unplug before cleaning.",
  ]),
];
