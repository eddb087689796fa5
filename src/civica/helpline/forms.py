"""Input of the console and of the web chat. Services check the rules again; forms only parse."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Channel, Conversation, Operator


class FilterForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), required=False, choices=[("", _("All channels")), *Channel.choices])
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("Not closed")), *Conversation.State.choices]
    )
    assigned = forms.ChoiceField(
        label=_("Operator"),
        required=False,
        choices=[("", _("Anyone")), ("me", _("Assigned to me")), ("nobody", _("Not assigned"))],
    )
    flag = forms.ChoiceField(
        label=_("Flag"), required=False, choices=[("", _("Any")), ("risk", _("At risk")), ("minor", _("Minor"))]
    )
    tag = forms.CharField(label=_("Tag"), required=False, max_length=40)


class ReplyForm(forms.Form):
    quick_reply = forms.ChoiceField(label=_("Quick reply"), required=False)
    body = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=4096,
        widget=forms.Textarea(attrs={"rows": 4, "class": "govuk-textarea"}),
    )
    use_template = forms.BooleanField(
        label=_("Send the approved template (the 24-hour window has closed)"), required=False
    )

    def __init__(self, *args, quick_replies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.quick_replies = {str(q.uuid): q for q in quick_replies}
        self.fields["quick_reply"].choices = [("", _("None")), *((k, q.title) for k, q in self.quick_replies.items())]
        self.fields["quick_reply"].widget.attrs["class"] = "govuk-select"

    def text(self) -> str:
        chosen = self.quick_replies.get(self.cleaned_data.get("quick_reply") or "")
        body = self.cleaned_data.get("body", "").strip()
        return body or (chosen.body if chosen else "")


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note (never sent to the person)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
        error_messages={"required": _("Write the note first.")},
    )


class TagsForm(forms.Form):
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=400,
        help_text=_("Topics separated by commas, for example: school, family, loneliness."),
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
    )


class FlagsForm(forms.Form):
    is_minor = forms.BooleanField(label=_("The person is a minor"), required=False)
    at_risk = forms.BooleanField(label=_("The person is at risk"), required=False)


class AssignForm(forms.Form):
    operator = forms.ChoiceField(label=_("Assigned operator"), required=False)

    def __init__(self, *args, operators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.operators = {str(o.user.uuid): o.user for o in operators}
        self.fields["operator"].choices = [("", _("Nobody"))] + [
            (key, user.get_full_name() or user.email) for key, user in self.operators.items()
        ]
        self.fields["operator"].widget.attrs["class"] = "govuk-select"


class EscalateForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the case"),
        required=False,
        max_length=250,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
    )


class WebChatStartForm(forms.Form):
    name = forms.CharField(
        label=_("What should we call you?"),
        required=False,
        max_length=60,
        help_text=_("A first name or a nickname. You do not have to tell us who you are."),
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-20", "autocomplete": "off"}),
    )
    body = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "class": "govuk-textarea"}),
        error_messages={"required": _("Write your message first.")},
    )
    is_minor = forms.BooleanField(label=_("I am under 18"), required=False)
    # A field people never see: robots fill it in, and their message is dropped.
    website = forms.CharField(label=_("Leave this field empty"), required=False)


class WebChatMessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
        error_messages={"required": _("Write your message first.")},
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class HelplineSettingsForm(forms.Form):
    open_weekdays = forms.TypedMultipleChoiceField(
        label=_("Open days"), choices=WEEKDAYS, coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    opens_at = forms.TimeField(
        label=_("Opens at"), widget=forms.TimeInput(attrs={"class": "govuk-input govuk-input--width-5"}, format="%H:%M")
    )
    closes_at = forms.TimeField(
        label=_("Closes at"),
        widget=forms.TimeInput(attrs={"class": "govuk-input govuk-input--width-5"}, format="%H:%M"),
    )
    outside_hours_message = forms.CharField(
        label=_("Automatic answer outside hours"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
    )
    emergency_numbers = forms.CharField(
        label=_("National emergency numbers"),
        required=False,
        max_length=2000,
        help_text=_("One per line, as “name: number”. 112 is always shown first. Empty: the country's national lines."),
        widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
    )
    retention_days = forms.IntegerField(
        label=_("Anonymise closed conversations after (days)"),
        min_value=1,
        max_value=3650,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-5"}),
    )
    whatsapp_template = forms.CharField(
        label=_("Approved WhatsApp template"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-20"}),
    )
    web_chat_enabled = forms.BooleanField(label=_("The web chat is open to the public"), required=False)

    def clean_emergency_numbers(self):
        numbers = []
        for number, line in enumerate(self.cleaned_data["emergency_numbers"].splitlines(), start=1):
            if not line.strip():
                continue
            label, sep, value = line.rpartition(":")
            if not sep or not label.strip() or not any(c.isdigit() for c in value):
                raise forms.ValidationError(
                    _("Line %(line)s: write the name, a colon and the number."), params={"line": number}
                )
            numbers.append({"label": label.strip()[:100], "number": value.strip()[:30]})
        return numbers


class QuickReplyForm(forms.Form):
    key = forms.SlugField(
        label=_("Key"),
        max_length=60,
        help_text=_("The same key in every language makes one quick reply, for example: welcome."),
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-20"}),
    )
    language = forms.ChoiceField(label=_("Language"))
    title = forms.CharField(label=_("Title"), max_length=120, widget=forms.TextInput(attrs={"class": "govuk-input"}))
    body = forms.CharField(
        label=_("Text"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"})
    )

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["language"].widget.attrs["class"] = "govuk-select"


class OperatorForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=Operator.Role.choices, widget=forms.Select(attrs={"class": "govuk-select"})
    )
    sees_contacts = forms.BooleanField(
        label=_("Sees phone numbers and addresses"),
        required=False,
        help_text=_("Others see them masked; every unmasked view is logged."),
    )


class OperatorAddForm(OperatorForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The person must already be a member of the organisation."),
        widget=forms.EmailInput(attrs={"class": "govuk-input govuk-input--width-20", "autocomplete": "off"}),
    )
    field_order = ["email", "role", "sees_contacts"]
