"""Input of the console and of the web chat. Services check the rules again; forms only parse."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Channel, Conversation


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
