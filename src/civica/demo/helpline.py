"""The demo's youth helpline, S.O.S. Amico Giovani (seed 002: quick advice and a place to be listened
to, by WhatsApp or e-mail), built through the helpline's own services: the same webhook payloads,
e-mails and web chat messages the real channels deliver. Skipped when the helpline exists."""

from datetime import timedelta
from email.message import EmailMessage

from django.contrib.auth import get_user_model
from django.utils import timezone

from civica.core.permissions import SYSTEM
from civica.helpline import selectors as helpline_selectors
from civica.helpline import services as helpline_services
from civica.helpline.models import Conversation
from civica.organisations import selectors as organisation_selectors
from civica.organisations import services as organisation_services

ORGANISATION = "sos-amico-giovani"
COORDINATOR = "giulia.rossi@stanze.example"
OPERATORS = [
    # email, first name, last name, role in the organisation, helpline role, sees contacts
    ("francesca.moretti@amicogiovani.example", "Francesca", "Moretti", "staff", "counsellor", True),
    ("davide.ricci@amicogiovani.example", "Davide", "Ricci", "member", "volunteer", False),
]
PHONE_NUMBER_ID = "100200300400500"
OUTSIDE_HOURS = (
    "Grazie di averci scritto. Ora non c'è nessun operatore: ti rispondiamo dal lunedì al sabato dalle 15 alle 20. "
    "Se sei in pericolo chiama subito il 112 o Telefono Azzurro al 19696."
)

QUICK_REPLIES = {
    "benvenuto": {
        "it": (
            "Benvenuto",
            "Ciao, grazie di averci scritto. Sono un operatore di S.O.S. Amico Giovani: raccontami pure, ti ascolto.",
        ),
        "en": (
            "Welcome",
            "Hi, thank you for writing to us. I am an operator of S.O.S. Amico Giovani: tell me, I am listening.",
        ),
        "ro": (
            "Bun venit",
            "Bună, îți mulțumim că ne-ai scris. Sunt operator la S.O.S. Amico Giovani: povestește-mi, te ascult.",
        ),
        "el": (
            "Καλωσόρισμα",
            "Γεια σου, ευχαριστούμε που μας έγραψες. Είμαι σύμβουλος του S.O.S. Amico Giovani: πες μου, σε ακούω.",
        ),
    },
    "emergenza": {
        "it": (
            "Numeri di emergenza",
            "Se sei in pericolo adesso chiama il 112. Puoi anche chiamare Telefono Azzurro al 19696, giorno e notte.",
        ),
        "en": (
            "Emergency numbers",
            "If you are in danger now call 112. You can also call Telefono Azzurro on 19696, day and night.",
        ),
        "ro": (
            "Numere de urgență",
            "Dacă ești în pericol acum, sună la 112. Poți suna și la Telefono Azzurro, 19696, zi și noapte.",
        ),
        "el": (
            "Αριθμοί έκτακτης ανάγκης",
            "Αν κινδυνεύεις τώρα, κάλεσε το 112. Μπορείς επίσης να καλέσεις το Telefono Azzurro στο 19696.",
        ),
    },
    "chiusura": {
        "it": ("Saluto", "Mi ha fatto piacere parlare con te. Quando vuoi, scrivici di nuovo: siamo qui."),
        "en": ("Goodbye", "I was glad to talk with you. Write to us again whenever you want: we are here."),
        "ro": ("La revedere", "Mi-a făcut plăcere să vorbesc cu tine. Scrie-ne din nou oricând: suntem aici."),
        "el": ("Αποχαιρετισμός", "Χάρηκα που μιλήσαμε. Γράψε μας ξανά όποτε θέλεις: είμαστε εδώ."),
    },
}

WHATSAPP = [
    # sender, messages, tags, state, answer
    (
        "393471112233",
        ["Ciao, posso scrivere qui anche se non è una cosa grave?", "A scuola mi prendono in giro tutti i giorni"],
        "scuola, bullismo",
        "open",
        "Certo che puoi, qui ti ascoltiamo. Da quanto tempo succede?",
    ),
    ("393398765432", ["Stasera mi sento malissimo, a volte penso che vorrei farla finita"], "", "new", ""),
    (
        "393284455667",
        ["Grazie per ieri, ho parlato con mia madre e va un po' meglio"],
        "famiglia",
        "closed",
        "Che bella notizia. Quando vuoi, scrivici di nuovo.",
    ),
]

EMAILS = [
    (
        "martina.g@example.it",
        "Martina",
        "Ansia per la maturità",
        "Buongiorno, sono Martina e ho 18 anni. Tra un mese ho la maturità e non riesco più a dormire. "
        "Non so con chi parlarne, i miei dicono che è normale.",
        "scuola, ansia",
        "waiting",
        "Ciao Martina, grazie di averci scritto. L'ansia prima di un esame è comune, ma non devi affrontarla da sola. "
        "Ti va di raccontarci come passi le giornate?",
    ),
    (
        "tommaso.b@example.it",
        "Tommaso",
        "Litigi a casa",
        "Ciao, i miei genitori litigano sempre e io non so cosa fare. Ho 15 anni.",
        "famiglia",
        "new",
        "",
    ),
]

WEB = [
    (
        "Ale",
        "Mi sono trasferito da poco e non conosco nessuno. Mi sento solo.",
        "solitudine",
        "open",
        "Ciao Ale, trasferirsi è difficile. Ti possiamo suggerire alcuni gruppi di ragazzi della tua zona.",
    ),
]


def _email(sender, name, subject, body, index):
    message = EmailMessage()
    message["From"] = f"{name} <{sender}>"
    message["To"] = "ascolto@amicogiovani.example"
    message["Subject"] = subject
    message["Message-ID"] = f"<demo-{index}@example.it>"
    message.set_content(body)
    return message.as_bytes()


def _payload(sender, body, index, when):
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "demo",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {"display_phone_number": "393510000000", "phone_number_id": PHONE_NUMBER_ID},
                            "contacts": [{"profile": {"name": ""}, "wa_id": sender}],
                            "messages": [
                                {
                                    "from": sender,
                                    "id": f"wamid.DEMO{sender}{index}",
                                    "timestamp": str(int(when.timestamp())),
                                    "type": "text",
                                    "text": {"body": body},
                                }
                            ],
                        },
                    }
                ],
            }
        ],
    }


def load_helpline(by_slug: dict, person, report) -> None:
    organisation = by_slug[ORGANISATION]
    for email, *_rest in OPERATORS:
        report.logins.append((email, "helpline operator @ S.O.S. Amico Giovani"))
    if organisation.helplines.exists():
        return
    coordinator = get_user_model().objects.get(email=COORDINATOR)
    helpline = helpline_services.helpline_create(
        actor=coordinator,
        organisation=organisation,
        data={
            "name": "S.O.S. Amico Giovani",
            "country": "IT",
            "language": "it",
            "time_zone": "Europe/Rome",
            "open_weekdays": [0, 1, 2, 3, 4, 5],
            "opens_at": "15:00",
            "closes_at": "20:00",
            "outside_hours_message": OUTSIDE_HOURS,
            "retention_days": 365,
            "whatsapp_phone_number_id": PHONE_NUMBER_ID,
            "whatsapp_display_number": "+39 351 000 0000",
            "whatsapp_template": "sos_amico_giovani_ripresa",
            "whatsapp_template_language": "it",
            "email_address": "ascolto@amicogiovani.example",
        },
    )
    people = {}
    for email, first, last, org_role, role, sees in OPERATORS:
        user = person(email, first, last, "it")
        if organisation_selectors.role_in(user, organisation) is None:
            organisation_services.membership_add(
                actor=SYSTEM,
                organisation=organisation,
                user=user,
                role=org_role,
                position="Operatore di ascolto",
                handles_sensitive_data=True,
            )
        helpline_services.operator_add(actor=coordinator, helpline=helpline, user=user, role=role, sees_contacts=sees)
        helpline_services.availability_set(actor=user, helpline=helpline, available=True)
        people[role] = user
    for key, languages in QUICK_REPLIES.items():
        for language, (title, body) in languages.items():
            helpline_services.quick_reply_save(
                actor=coordinator, helpline=helpline, key=key, language=language, title=title, body=body
            )
    now = timezone.now()
    volunteer, counsellor = people["volunteer"], people["counsellor"]
    conversations = []
    for number, (sender, bodies, tags, state, answer) in enumerate(WHATSAPP):
        for index, body in enumerate(bodies):
            helpline_services.whatsapp_ingest(
                _payload(sender, body, index, now - timedelta(hours=2, minutes=10 - index))
            )
        conversation = helpline_selectors.open_conversation_with(
            helpline=helpline, channel="whatsapp", contact="+" + sender
        )
        conversations.append((conversation, tags, state, answer, volunteer if number != 1 else counsellor))
    for index, (sender, name, subject, body, tags, state, answer) in enumerate(EMAILS):
        helpline_services.email_ingest(_email(sender, name, subject, body, index))
        conversation = helpline_selectors.open_conversation_with(helpline=helpline, channel="email", contact=sender)
        conversations.append((conversation, tags, state, answer, counsellor))
    for name, body, tags, state, answer in WEB:
        conversation, _token = helpline_services.web_start(helpline=helpline, body=body, name=name)
        conversations.append((conversation, tags, state, answer, volunteer))
    for conversation, tags, state, answer, operator in conversations:
        conversation.refresh_from_db()
        if state != "new":
            helpline_services.conversation_assign(actor=operator, conversation=conversation, operator_user=operator)
        if tags:
            helpline_services.conversation_tag(actor=operator, conversation=conversation, tags=tags)
        if answer:
            helpline_services.conversation_reply(actor=operator, conversation=conversation, body=answer)
        if state == "open" and answer:
            helpline_services.conversation_move(actor=operator, conversation=conversation, action="open")
        if state == "closed":
            helpline_services.conversation_move(actor=operator, conversation=conversation, action="close")
    risky = Conversation.objects.filter(helpline=helpline, at_risk=True).first()
    if risky is not None:
        helpline_services.note_add(
            actor=counsellor, conversation=risky, body="Parole di rischio: contattare subito, valutare l'escalation."
        )
